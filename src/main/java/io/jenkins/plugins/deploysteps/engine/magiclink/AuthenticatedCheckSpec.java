package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that needs the session: what to send, how the session travels, and what must come back. Texts may hold
 * {@code ${email}}.
 */
public record AuthenticatedCheckSpec(
        String name, String path, String method, String body, Map<String, String> headers, SessionTransport auth, StatusExpectation expectStatus,
        Map<String, String> expectJson, String expectBodyContains)
        implements Serializable {

    public AuthenticatedCheckSpec {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        expectJson = Collections.unmodifiableMap(new LinkedHashMap<>(expectJson));
    }
}
