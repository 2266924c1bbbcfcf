package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.ForwardingTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** nginxRoute when the SSH connection drops just as {@code nginx -t} starts, against the real sshd and nginx. */
class NginxRouteDropTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

    @TempDir
    Path tmp;

    /** Kills the step's SSH sessions (as a dropped network would) right before the command that runs nginx -t. */
    private static final class DropAtNginxTest extends ForwardingTarget {
        private final Target real;
        private final Instant started;
        private final AtomicBoolean dropped = new AtomicBoolean();

        DropAtNginxTest(Target real, Instant started) {
            this.real = real;
            this.started = started;
        }

        @Override
        protected Target delegate() {
            return real;
        }

        @Override
        public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
            String line = command.cmd().render();
            if (line.contains("nginx") && line.contains(" -t") && dropped.compareAndSet(false, true)) {
                long sshd = Long.parseLong(TARGET.get().get("SSHD_PID"));
                ProcessHandle.of(sshd).orElseThrow().children()
                        .filter(p -> p.info().startInstant().map(s -> s.isAfter(started.minusSeconds(1))).orElse(false))
                        .forEach(ProcessHandle::destroyForcibly);
                Thread.sleep(200);
            }
            return super.exec(command);
        }
    }

    @Test
    void aDropDuringNginxTestIsReportedAsTheLostConnectionNotAsAFailedTest() throws Exception {
        try (TestHttpServer upstream = TestHttpServer.http().on("/api/ping", TestHttpServer.text(200, "pong"));
                NginxSite site = NginxSite.withServer(TARGET.get(), "drop-" + System.nanoTime(), NginxRouteTest.OLD_ROUTE)) {
            String before = site.sha256();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("host", "local");
            p.put("site", site.file().toString());
            p.put("location", "/api/");
            p.put("proxyPass", "http://127.0.0.1:" + upstream.port());
            p.put("backupDir", tmp.resolve("backups").toString());
            Instant started = Instant.now();
            StepHarness.Run run = new StepHarness(TARGET.get(), tmp.resolve("reports"), NginxSite.hostDefaults(TARGET.get()))
                    .wrapping(t -> new DropAtNginxTest(t, started)).run(new NginxRoute(), p, "drop test");
            assertThat(run.check("nginx -t").status()).as(run.log().text()).isIn(Status.ERROR, Status.FAIL);
            assertThat(run.check("reload").status()).isEqualTo(Status.SKIP);
            assertThat(run.check("reload").message()).isEqualTo("the connection was lost during nginx -t: the site file was restored");
            assertThat(run.log().text()).doesNotContain("nginx -t failed");
            assertThat(site.sha256()).isEqualTo(before);
        }
    }
}
