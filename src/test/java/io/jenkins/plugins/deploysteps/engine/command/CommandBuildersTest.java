package io.jenkins.plugins.deploysteps.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheckCommands;
import io.jenkins.plugins.deploysteps.engine.target.FileCommands;
import io.jenkins.plugins.deploysteps.engine.target.LockCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact command lines: what the log shows is what the host runs, and user input appears only quoted. */
class CommandBuildersTest {

    @Test
    void argvCommands() {
        assertThat(HostCheckCommands.diskFree("/var/lib/docker").render()).isEqualTo("df -Pk -- /var/lib/docker");
        assertThat(HostCheckCommands.diskFree("/my dir").render()).isEqualTo("df -Pk -- '/my dir'");
        assertThat(HostCheckCommands.memInfo().render()).isEqualTo("cat /proc/meminfo");
        assertThat(FileCommands.exists("/etc/x'y").render()).isEqualTo("test -e '/etc/x'\\''y'");
    }

    @Test
    void compoundCommandsGroupMixedOperators() {
        Cmd c = Cmd.of("a").and(Cmd.of("b")).or(Cmd.of("c"));
        assertThat(c.render()).isEqualTo("{ a && b; } || c");
        assertThat(Cmd.of("a").and(Cmd.of("b")).and(Cmd.of("c")).render()).isEqualTo("a && b && c");
        assertThat(Cmd.of("ps").pipe(Cmd.of("grep", "x y")).render()).isEqualTo("ps | grep 'x y'");
        assertThat(Cmd.prefixed(List.of("docker", "compose"), "up", "-d").render()).isEqualTo("docker compose up -d");
    }

    @Test
    void scriptsTakeUserInputOnlyAsPositionalParameters() {
        assertThat(FileCommands.read("/etc/nginx/sites-enabled/app").render()).isEqualTo(
                "sh -c '[ -e \"$1\" ] || { echo \"no such file: $1\" >&2; exit 44; }; exec cat -- \"$1\"' sh /etc/nginx/sites-enabled/app");
        assertThat(FileCommands.read("/etc/nginx/sites-enabled/app").withSudo().render()).isEqualTo(
                "sh -c '[ -e \"$1\" ] || { echo \"no such file: $1\" >&2; exit 44; }; exec sudo -n -- cat -- \"$1\"' sh /etc/nginx/sites-enabled/app");
        String release = LockCommands.release("/app/.deploy-steps.lock", "t-1").render();
        assertThat(release).endsWith("' sh /app/.deploy-steps.lock t-1").startsWith("sh -c 'grep -qxF -- \"token=$2\"");
        assertThat(LockCommands.acquire("/a b/lock", "tok", "jenkins #1", 60).render()).endsWith("' sh '/a b/lock' tok 'jenkins #1' 60");
    }

    @Test
    void sudoAsksForRootPerProgramSoSudoersCanListThemAndNeverForAShell() {
        RemoteCommand c = RemoteCommand.of(Cmd.of("cat", "/etc/shadow").pipe(Cmd.of("wc", "-l")), Duration.ofSeconds(5)).sudo(true);
        assertThat(c.line()).isEqualTo("sudo -n -- cat /etc/shadow | sudo -n -- wc -l");
        assertThat(RemoteCommand.of(Cmd.of("true"), Duration.ofSeconds(1)).line()).isEqualTo("true");
        assertThat(RemoteCommand.of(Cmd.of("cd", "/app").and(Cmd.of("docker", "ps")), Duration.ofSeconds(1)).sudo(true).line())
                .isEqualTo("cd /app && sudo -n -- docker ps");
        // A script runs as the SSH user; only the programs it marks ask for root.
        assertThat(RemoteCommand.of(Cmd.script("echo x > \"$1\"", "/etc/x"), Duration.ofSeconds(1)).sudo(true).line())
                .isEqualTo("sh -c 'echo x > \"$1\"' sh /etc/x");
        Cmd marked = Cmd.sudoScript("echo x | $SUDO tee -- \"$1\" >/dev/null && $SUDO chmod 600 -- \"$1\"", "/etc/x");
        assertThat(RemoteCommand.of(marked, Duration.ofSeconds(1)).sudo(true).line())
                .isEqualTo("sh -c 'echo x | sudo -n -- tee -- \"$1\" >/dev/null && sudo -n -- chmod 600 -- \"$1\"' sh /etc/x");
        assertThat(RemoteCommand.of(marked, Duration.ofSeconds(1)).line())
                .isEqualTo("sh -c 'echo x | tee -- \"$1\" >/dev/null && chmod 600 -- \"$1\"' sh /etc/x");
        assertThat(RemoteCommand.of(Cmd.of("cd", "/app").and(marked), Duration.ofSeconds(1)).sudo(true).line())
                .isEqualTo("cd /app && sh -c 'echo x | sudo -n -- tee -- \"$1\" >/dev/null && sudo -n -- chmod 600 -- \"$1\"' sh /etc/x");
        assertThatThrownBy(() -> Cmd.sudoScript("echo nothing needs root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteCommand.of(Cmd.of("sh", "-c", "id"), Duration.ofSeconds(1)).sudo(true).line())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never for a shell");
    }
}
