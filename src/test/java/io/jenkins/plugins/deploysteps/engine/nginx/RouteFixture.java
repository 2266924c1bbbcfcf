package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an nginxRoute test on the local target needs: an upstream on 127.0.0.1 answering {@code /api/ping}, sites on
 * the target's nginx (each a fresh file), the step's usual parameters for a route {@code /api/} to that upstream with
 * backups in the test's folder, and runs with the target's nginx commands as host defaults. Closing it removes the
 * sites and stops the upstream.
 */
final class RouteFixture implements AutoCloseable {
    private final LocalTarget target;
    private final Path tmp;
    private final List<AutoCloseable> closing = new ArrayList<>();
    final TestHttpServer upstream;

    RouteFixture(LocalTarget target, Path tmp) {
        this.target = target;
        this.tmp = tmp;
        this.upstream = TestHttpServer.http().on("/api/ping", TestHttpServer.text(200, "pong from upstream"));
        closing.add(upstream);
    }

    NginxSite site(String name, String inner) {
        NginxSite s = NginxSite.withServer(target, name + "-" + System.nanoTime(), inner);
        closing.add(s);
        return s;
    }

    /** The usual parameters, changed by name/value pairs; a null value removes the parameter. */
    Map<String, Object> params(NginxSite site, Object... more) {
        Map<String, Object> p = site.routeParams("/api/", upstream.port(), tmp.resolve("backups"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                p.remove((String) more[i]);
            } else {
                p.put((String) more[i], more[i + 1]);
            }
        }
        return p;
    }

    StepHarness.Run run(Map<String, Object> params) throws Exception {
        return new StepHarness(target, tmp.resolve("reports"), NginxSite.hostDefaults(target)).run(new NginxRoute(), params, "test run");
    }

    @Override
    public void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }
}
