package io.jenkins.plugins.deploysteps.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.testing.Recording;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit test of the wrapper alone, with a recording target; dry runs against a real host are the steps' tests. */
class DryRunTargetTest {
    private final List<String> ran = new ArrayList<>();
    private final Target recording = new Target() {
        @Override
        public String name() {
            return "prod-1";
        }

        @Override
        public String address() {
            return "deploy@10.0.0.5:22";
        }

        @Override
        public boolean usesSudo() {
            return false;
        }

        @Override
        public ExecResult exec(RemoteCommand command) {
            ran.add(command.line());
            return new ExecResult(0, "real\n".getBytes(StandardCharsets.UTF_8), new byte[0], Duration.ofMillis(1));
        }

        @Override
        public void close() {}
    };

    @Test
    void looksForRealAndOnlyPrintsChanges() throws Exception {
        Recording log = new Recording();
        DryRunTarget dry = new DryRunTarget(recording, log.progress());
        ExecResult read = dry.exec(RemoteCommand.of(Cmd.of("cat", "/app/.env"), Duration.ofSeconds(5)));
        ExecResult change = dry.exec(RemoteCommand.of(Cmd.of("docker-compose", "down"), Duration.ofSeconds(5)).changesHost());
        assertThat(read.stdoutText()).isEqualTo("real\n");
        assertThat(change.succeeded()).isTrue();
        assertThat(change.stdout()).isEmpty();
        assertThat(ran).containsExactly("cat /app/.env");
        assertThat(dry.skipped()).isEqualTo(1);
        assertThat(log.text()).contains("[prod-1] (dry run, not run) $ docker-compose down");
    }
}
