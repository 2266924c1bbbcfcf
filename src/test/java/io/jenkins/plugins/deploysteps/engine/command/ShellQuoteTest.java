package io.jenkins.plugins.deploysteps.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quoting is the one thing between user input and a remote shell: a real /bin/sh must read every string back unchanged. */
class ShellQuoteTest {

    @Test
    void leavesSafeWordsReadable() {
        assertThat(Shell.quote("/app/backend")).isEqualTo("/app/backend");
        assertThat(Shell.quote("docker-compose.yml")).isEqualTo("docker-compose.yml");
    }

    @Test
    void quotesEverythingElse() {
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(Shell.quote("a b")).isEqualTo("'a b'");
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Shell.quote("$(reboot)")).isEqualTo("'$(reboot)'");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> Shell.quote("a\0b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void shReadsQuotedStringsBackUnchanged() throws Exception {
        RandomInputs in = new RandomInputs();
        // One sh run checks a batch: each string printed between NUL separators must come back byte for byte.
        for (int batch = 0; batch < 20; batch++) {
            List<String> strings = in.list(10, 30, r -> r.nastyString(40));
            assertThat(splitNul(sh("printf '%s\\0' " + Shell.join(strings)), strings.size()))
                    .as(in.replay()).isEqualTo(strings);
        }
    }

    @Test
    void scriptArgumentsArriveAsPositionalParametersUnchanged() throws Exception {
        RandomInputs in = new RandomInputs();
        for (int i = 0; i < 30; i++) {
            List<String> args = in.list(1, 5, r -> r.nastyString(30));
            Cmd cmd = Cmd.script("for a; do printf '%s\\0' \"$a\"; done", args.toArray(String[]::new));
            assertThat(splitNul(sh(cmd.render()), args.size())).as(in.replay()).isEqualTo(args);
        }
    }

    private static List<String> splitNul(String printed, int expected) {
        return Arrays.asList(printed.split("\0", -1)).subList(0, expected);
    }

    private static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sh exit for %s", script).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
