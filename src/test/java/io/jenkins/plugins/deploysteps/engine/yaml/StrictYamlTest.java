package io.jenkins.plugins.deploysteps.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictYamlTest {

    @Test
    void yaml11SurprisesStayStrings() {
        Map<String, Object> m = StrictYaml.create().load("a: off\nb: yes\nc: 0644\nd: 1:30\ne: no\nf: 2026-01-01\n");
        assertThat(m).containsEntry("a", "off").containsEntry("b", "yes").containsEntry("c", "0644")
                .containsEntry("d", "1:30").containsEntry("e", "no").containsEntry("f", "2026-01-01");
    }

    @Test
    void realBooleansNumbersAndNullsStillWork() {
        Map<String, Object> m = StrictYaml.create().load("a: true\nb: false\nc: 22\nd: 4.5\ne: ~\nf:\n");
        assertThat(m).containsEntry("a", true).containsEntry("b", false).containsEntry("c", 22).containsEntry("d", 4.5);
        assertThat(m.get("e")).isNull();
        assertThat(m.get("f")).isNull();
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> StrictYaml.create().load("a: 1\na: 2\n")).hasMessageContaining("duplicate key a");
    }
}
