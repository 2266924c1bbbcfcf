package io.jenkins.plugins.deploysteps.engine.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parameter tables of {@code docs/steps/<step>.md} are the declarations, rendered: the step's own table
 * first, then one table per map or list-of-maps parameter, in declaration order. Any difference fails; run with
 * {@code -Ddeploysteps.updateDocs=true} to write the tables from the declarations instead.
 */
class ParamDocsTest {
    private static final String HEADER = "| name | type | default | meaning |\n|---|---|---|---|\n";
    private static final Pattern TABLE = Pattern.compile(Pattern.quote(HEADER) + "(?:\\|.*\\n)*");

    /** The steps whose binding reads through declarations. */
    static Stream<StepDefinition<?>> declaredSteps() {
        return Steps.all().stream().filter(ParamDocsTest::declared);
    }

    static boolean declared(StepDefinition<?> step) {
        return List.of("hostCheck", "composeDeploy", "composeRollback", "nginxRoute", "healthVerify", "syncFiles", "magicLinkAuthCheck").contains(step.name());
    }

    @ParameterizedTest
    @MethodSource("declaredSteps")
    void theDocsTablesAreTheDeclarations(StepDefinition<?> step) throws IOException {
        Path file = repository().resolve("docs/steps/" + step.name() + ".md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> expected = tables(step.declarations(), step);
        Matcher m = TABLE.matcher(text);
        List<String> actual = new ArrayList<>();
        StringBuilder updated = new StringBuilder();
        while (m.find()) {
            actual.add(m.group());
            int i = actual.size() - 1;
            m.appendReplacement(updated, Matcher.quoteReplacement(i < expected.size() ? expected.get(i) : m.group()));
        }
        m.appendTail(updated);
        if (Boolean.getBoolean("deploysteps.updateDocs") && actual.size() == expected.size()) {
            Files.writeString(file, updated.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as(file + " parameter tables").isEqualTo(expected);
    }

    /** The checkout's root: both builds run tests in a folder of their own below it. */
    static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/steps"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/steps above " + Path.of("").toAbsolutePath());
    }

    /** The step's table, then each nested set's, as markdown. */
    static List<String> tables(ParamSet set, StepDefinition<?> step) {
        List<String> out = new ArrayList<>();
        StringBuilder table = new StringBuilder(HEADER);
        for (Param<?> p : set.all()) {
            table.append("| `").append(p.name()).append("` | ").append(p.type().replaceAll("('[^']*')", "`$1`")).append(" | ")
                    .append(p.hasLiteralDefault() ? "`" + p.defaultText() + "`" : p.defaultText()).append(" | ").append(p.doc()).append(" |\n");
        }
        out.add(table.toString());
        for (Param<?> p : set.all()) {
            // composeDeploy's verify checks are healthVerify's checks, its verifyMagicLink a magicLinkAuthCheck: their tables are in
            // healthVerify.md and magicLinkAuthCheck.md.
            boolean elsewhere = p.nested() == HealthVerify.CHECK_PARAMS && !step.name().equals(HealthVerify.NAME)
                    || p.nested() == MagicLinkAuthCheck.FLOW_PARAMS;
            if (!p.nested().all().isEmpty() && !elsewhere) {
                out.addAll(tables(p.nested(), step));
            }
        }
        return out;
    }
}
