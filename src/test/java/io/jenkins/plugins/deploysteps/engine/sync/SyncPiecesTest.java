package io.jenkins.plugins.deploysteps.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of a sync one by one: patterns, the host listing's parser, pax records, and the exact commands. */
class SyncPiecesTest {

    @Test
    void antPatternsMatchAsArchiveArtifactsDoes() {
        assertThat(AntPattern.of("*.log").matches("app.log")).isTrue();
        assertThat(AntPattern.of("*.log").matches("logs/app.log")).isFalse();
        assertThat(AntPattern.of("**/*.log").matches("logs/deep/app.log")).isTrue();
        assertThat(AntPattern.of("**/*.log").matches("app.log")).isTrue();
        assertThat(AntPattern.of("**/node_modules/**").matches("node_modules")).isTrue();
        assertThat(AntPattern.of("**/node_modules/**").matches("web/node_modules/x/y.js")).isTrue();
        assertThat(AntPattern.of("**/node_modules/**").matches("web/node_modules_x/y.js")).isFalse();
        assertThat(AntPattern.of("logs/").matches("logs/a/b")).isTrue();
        assertThat(AntPattern.of("logs/").coversEverythingUnder("logs")).isTrue();
        assertThat(AntPattern.of("build/*.o").coversEverythingUnder("build")).isFalse();
        assertThat(AntPattern.of("a?c").matches("abc")).isTrue();
        assertThat(AntPattern.of("a.c").matches("abc")).as("dots are literal").isFalse();
        assertThat(AntPattern.of("[x]*").matches("[x]y")).as("regex characters are literal").isTrue();
    }

    @Test
    void theHostListingIsParsedWithNulSeparatorsAndEscapedHashNames() throws Exception {
        String hash = "a".repeat(64);
        // '|' stands for NUL here (Java reads "\0" followed by digits as an octal escape).
        String out = ("present|rev1|" + "d|755|4096|dir||" + "f|644|12|dir/new\nline||" + "l|777|3|link|dir|" + "=hashes|").replace('|', '\0')
                + "\\" + hash + "  dir/new\\nline\n" + "b".repeat(64) + "  plain name\n";
        RemoteTree t = RemoteTree.parse(out.getBytes(StandardCharsets.UTF_8));
        assertThat(t.present()).isTrue();
        assertThat(t.revision()).isEqualTo("rev1");
        assertThat(t.get("dir/new\nline")).isEqualTo(new Entry("dir/new\nline", Entry.Kind.FILE, 0644, 12, null));
        assertThat(t.get("link").linkTarget()).isEqualTo("dir");
        assertThat(t.hash("dir/new\nline")).isEqualTo(hash);
        assertThat(t.hash("plain name")).isEqualTo("b".repeat(64));
        assertThat(t.under("dir")).extracting(Entry::path).containsExactly("dir/new\nline");
        assertThat(RemoteTree.parse("absent\0".getBytes(StandardCharsets.UTF_8)).present()).isFalse();
    }

    @Test
    void aListingCutShortIsAnErrorNotAnEmptyTree() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RemoteTree.parse("present||f|644|".replace('|', '\0').getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SyncException.class).hasMessageContaining("ended early");
    }

    @Test
    void paxRecordsCountTheirOwnLength() {
        assertThat(TarWriter.record("path", "abc")).isEqualTo("12 path=abc\n");
        String r = TarWriter.record("path", "x".repeat(90));
        assertThat(r.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(r.substring(0, r.indexOf(' '))));
    }

    @Test
    void pathOrderKeepsAFolderTogetherWithWhatItHolds() {
        List<String> sorted = new java.util.ArrayList<>(List.of("a-b", "a/x", "a", "a/x/y", "b"));
        sorted.sort(Entry.PATH_ORDER);
        assertThat(sorted).containsExactly("a", "a/x", "a/x/y", "a-b", "b");
    }

    @Test
    void commandsPassPathsAsParametersAndSudoPerProgram() {
        assertThat(SyncCommands.makeDir("/srv/my app", true).render())
                .isEqualTo("sh -c '[ -d \"$1\" ] || sudo -n -- mkdir -p -- \"$1\"' sh '/srv/my app'");
        assertThat(SyncCommands.makeDir("/srv/my app", false).render()).isEqualTo("sh -c '[ -d \"$1\" ] || mkdir -p -- \"$1\"' sh '/srv/my app'");
        assertThat(RemoteCommand.of(SyncCommands.extract("/srv/app", ".deploy-steps.sync.1", false), Duration.ofSeconds(1)).line())
                .isEqualTo("sh -c 'set -eu\ncd -- \"$1\"\nrm -rf -- .deploy-steps.sync.*\nmkdir -- \"$2\"\n"
                        + "exec tar -x -p --no-same-owner -f - -C \"$2\"' sh /srv/app .deploy-steps.sync.1");
        assertThat(RemoteCommand.of(SyncCommands.extract("/srv/app", ".deploy-steps.sync.1", true), Duration.ofSeconds(1)).line())
                .isEqualTo("sh -c 'set -eu\ncd -- \"$1\"\nsudo -n -- rm -rf -- .deploy-steps.sync.*\nsudo -n -- mkdir -- \"$2\"\n"
                        + "exec sudo -n -- tar -x -p --no-same-owner -f - -C \"$2\"' sh /srv/app .deploy-steps.sync.1");
        assertThat(SyncCommands.removeReleases("/srv/app", List.of("20260101-000000"), true).render())
                .isEqualTo("sudo -n -- rm -rf -- /srv/app/releases/20260101-000000");
    }
}
