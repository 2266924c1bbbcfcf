package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.util.List;

/**
 * One try of one health check: the report checks it produced (the request's, and a TLS check for https), whether
 * it counts as healthy, and one line for the progress log.
 *
 * @param healthy every assertion held and the certificate is acceptable (a certificate close to expiry still is)
 */
record Attempt(List<Check> checks, boolean healthy, String summary) {
    Attempt {
        checks = List.copyOf(checks);
    }
}
