package io.jenkins.plugins.deploysteps.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class StepParameterTableTest {
    @Test
    void theLibrarysTableIsTheStepsOwnDeclarations() throws Exception {
        String expected = StepParameterTable.render();
        if (Boolean.getBoolean("deploysteps.regenerate")) {
            Files.writeString(StepParameterTable.file(), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(StepParameterTable.file(), StandardCharsets.UTF_8))
                .as("library step table; rerun with -Ddeploysteps.regenerate=true to rewrite it").isEqualTo(expected);
        assertThat(expected).contains("composeDeploy\tdir\tstring\trequired\n", "healthVerify\tchecks\tmaps\t");
    }
}
