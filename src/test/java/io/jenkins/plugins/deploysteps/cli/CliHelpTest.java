package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deploy-steps help STEP} lists every declared parameter with its type, default and doc, nested ones by full name. */
class CliHelpTest {

    static Stream<StepDefinition<?>> steps() {
        return Steps.all().stream();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theHelpOfAStepIsItsDeclarations(StepDefinition<?> step) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.<String, String>of()::get).run("help", step.name());
        assertThat(exit).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith(step.name() + ": " + step.summary());
        for (ParamDoc p : step.params()) {
            assertThat(help).contains(String.format("  %-16s %-22s default %s%n  %16s %s%n", p.name(), p.type(), p.defaultValue(), "", p.description()));
        }
        assertThat(step.params()).extracting(ParamDoc::name).doesNotHaveDuplicates().isNotEmpty();
    }
}
