package io.jenkins.plugins.deploysteps.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's JSON writer (Groovy 2.4, as the templates run it) gives JSON a standard parser reads back unchanged. */
class JsonTextTest {
    @TempDir
    Path workspace;

    @Test
    void plainDataComesBackUnchangedEscapesIncluded() throws Exception {
        String json = (String) LibraryPipeline.withoutHosts(workspace).run("io.jenkins.plugins.deploysteps.library.JsonText.of("
                + "[text: 'say \"hi\" \\\\ then\\nnext\\tline', gstring: \"web-${1 + 1}\", list: [1, 2.5, true, null, 'x'], empty: [:], "
                + "nested: [a: [b: []]]])");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("text", "say \"hi\" \\ then\nnext\tline");
        expected.put("gstring", "web-2");
        expected.put("list", Arrays.asList(1, 2.5, true, null, "x"));
        expected.put("empty", Map.of());
        expected.put("nested", Map.of("a", Map.of("b", List.of())));
        assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(expected);
        assertThat(json).startsWith("{\n  \"text\": ").doesNotContain("\n\"");
    }
}
