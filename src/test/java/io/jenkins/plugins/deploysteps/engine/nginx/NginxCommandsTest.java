package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact command lines nginxRoute sends: test and reload commands as argument vectors, the dry run's private namespace. */
class NginxCommandsTest {

    @Test
    void testAndReloadCommandsAreArgumentVectorsAndSudoWrapsThem() {
        assertThat(NginxCommands.run(NginxCommands.DEFAULT_TEST).render()).isEqualTo("nginx -t");
        assertThat(RemoteCommand.of(NginxCommands.run(List.of("systemctl", "reload", "nginx")), Duration.ofSeconds(5)).sudo(true).line())
                .isEqualTo("sudo -n -- systemctl reload nginx");
        assertThat(NginxCommands.run(List.of("/opt/nginx/sbin/nginx", "-p", "/opt/nginx/", "-s", "reload")).render())
                .isEqualTo("/opt/nginx/sbin/nginx -p /opt/nginx/ -s reload");
    }

    @Test
    void theDryRunTestsTheCandidateInAPrivateMountNamespaceWithTheSitePathAsAnArgument() {
        assertThat(NginxCommands.testCandidate("/etc/nginx/sites-enabled/app", List.of("nginx", "-t")).render()).isEqualTo(candidateTest(""));
    }

    @Test
    void withSudoOnlyUnshareAsksForRootAndTheScriptRunsAsTheSshUser() {
        assertThat(RemoteCommand.of(NginxCommands.testCandidate("/etc/nginx/sites-enabled/app", List.of("nginx", "-t")), Duration.ofSeconds(5))
                .sudo(true).line()).isEqualTo(candidateTest("sudo -n -- "));
    }

    private static String candidateTest(String sudo) {
        return "sh -c '"
                + "set -u\nsite=$1\nshift\n"
                + "target=$(readlink -f -- \"$site\") && [ -f \"$target\" ] || { echo \"no file $site\" >&2; exit 3; }\n"
                + sudo + "unshare --mount --propagation private -- true 2>/dev/null || {\n"
                + "  echo \"cannot make a private mount namespace to test the candidate in (unshare --mount needs root: turn sudo on for this host and allow unshare)\" >&2\n"
                + "  exit 96\n}\n"
                + "cand=$(mktemp /tmp/deploy-steps-nginx-candidate.XXXXXX) || exit 3\n"
                + "trap '\\''rm -f -- \"$cand\"'\\'' EXIT\n"
                + "cat > \"$cand\"\n"
                + sudo + "unshare --mount --propagation private -- sh -c '\\''mount --bind -- \"$1\" \"$2\" || exit 97; shift 2; exec \"$@\"'\\'' sh "
                + "\"$cand\" \"$target\" \"$@\"' sh /etc/nginx/sites-enabled/app nginx -t";
    }
}
