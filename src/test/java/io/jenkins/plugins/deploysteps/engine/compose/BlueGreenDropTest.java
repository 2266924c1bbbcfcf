package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A blue-green deploy whose SSH connection drops (its sshd sessions killed, as a dropped network would) at each phase:
 * during the build, while the copy starts, before the switch, during the drain after it, while the project's
 * containers are replaced, while they are verified, while nginx is switched back, and while the copy drains before its
 * removal. Each ends in one of two whole states: the old version serving or the new one fully in place, with nginx
 * back on the project's own containers byte for byte, no copy left, no failed request through nginx, the data volume
 * intact, and both locks released.
 */
class BlueGreenDropTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdNginxAndPodman();

    @TempDir
    static Path tmp;

    private static BlueGreenApp bg;

    @BeforeAll
    static void appBehindNginx() {
        bg = BlueGreenApp.start(TARGET.get(), tmp);
    }

    @AfterAll
    static void removeIt() {
        if (bg != null) {
            bg.close();
        }
    }

    /** phase, the log line the connection drops at, whether the new version never gets ready, extra parameters */
    static Stream<Arguments> phases() {
        return Stream.of(
                Arguments.of("during the build", "[local] compose build ...", false, List.of()),
                Arguments.of("while the copy starts", "waiting for web-next", true, List.of("waitTimeout", "90s")),
                Arguments.of("after the copy is up, before the switch", "[check] new copy: GET", false, List.of()),
                Arguments.of("during the drain after the switch", "[PASS] " + Switch.TO_NEW, false, List.of("drainTime", "3s")),
                Arguments.of("while the project's containers are replaced", "[local] compose up ...", false, List.of()),
                Arguments.of("while the replaced containers are verified", "waiting for web:", false, List.of("stableFor", "4s")),
                Arguments.of("while nginx is switched back", "[check] " + Switch.BACK, false, List.of()),
                Arguments.of("while the copy drains before its removal", "[PASS] " + Switch.BACK, false, List.of("drainTime", "3s")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void aDroppedConnectionEndsWithOneWholeVersionServingAndEverythingReleased(String phase, String marker, boolean neverReady, List<Object> more)
            throws Exception {
        String site0 = bg.site.sha256();
        String old = bg.app.http();
        String next = bg.nextVersion();
        if (neverReady) {
            bg.app.neverReady();
        }
        BlueGreenApp.Observed o;
        try {
            o = bg.deployDroppingTheConnection(bg.params(more.toArray()), marker);
        } finally {
            bg.app.write("www/ready", "ready\n");
        }
        StepHarness.Run run = o.run();
        String log = run.log().text();
        String serving = bg.app.http();
        assertThat(serving).as("a whole version serves (%s)\n%s", phase, log).isIn(old, next);
        assertThat(bg.site.get("/api/").body().strip()).as("nginx reaches the project's own containers").isEqualTo(serving);
        assertThat(bg.site.sha256()).as("the site file byte-identical").isEqualTo(site0);
        if (serving.equals(old)) {
            assertThat(run.report().verdict().outcome()).as(log).isEqualTo(Outcome.FAILURE);
        }
        assertThat(bg.app.containerIds()).as("one container of web, no half-replaced pair").hasSize(1);
        assertThat(BlueGreenApp.podman("exec", bg.app.project() + "_web_1", "/bin/busybox", "cat", "/data/keep").strip()).isEqualTo("kept");
        assertThat(o.failed()).as("requests through nginx that failed\n%s", log).isZero();
        assertThat(bg.copies()).as("no copy left\n%s", log).isEmpty();
        assertThat(bg.copyFile()).doesNotExist();
        assertThat(bg.siteLock()).as("the site's lock released").doesNotExist();
        assertThat(bg.projectLock()).as("the project's lock released\n%s", log).doesNotExist();
    }
}
