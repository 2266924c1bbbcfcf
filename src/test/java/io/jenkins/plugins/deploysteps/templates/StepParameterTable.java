package io.jenkins.plugins.deploysteps.templates;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.nio.file.Path;

/**
 * The library's table of our steps' parameters (library/resources/.../step-parameters.txt), rendered from the steps'
 * own declarations, so a template refuses a phase key the step would refuse, before any host is touched.
 * StepParameterTableTest holds the file to this rendering.
 */
final class StepParameterTable {
    static final String RESOURCE = "io/jenkins/plugins/deploysteps/library/step-parameters.txt";

    private StepParameterTable() {}

    static Path file() {
        return LibraryPipeline.repositoryLibrary().resolve("resources").resolve(RESOURCE);
    }

    static String render() {
        StringBuilder b = new StringBuilder("# step<TAB>parameter<TAB>kind<TAB>required|optional, from the steps' own declarations.\n"
                + "# Generated: StepParameterTableTest holds it to them (-Ddeploysteps.regenerate=true rewrites it).\n");
        for (StepDefinition<?> step : Steps.all()) {
            for (ParamDoc p : step.params()) {
                boolean required = p.defaultValue().equals("required") || p.defaultValue().equals("(required)");
                b.append(step.name()).append('\t').append(p.name()).append('\t').append(kind(p.type())).append('\t')
                        .append(required ? "required" : "optional").append('\n');
            }
        }
        return b.toString();
    }

    /** The kinds of value MapCheck tells apart; the step itself checks the rest (ranges, formats) when it binds. */
    static String kind(String type) {
        return switch (type) {
            case "boolean" -> "boolean";
            case "number", "integer" -> "number";
            case "map" -> "map";
            case "list of maps", "list of check maps" -> "maps";
            case "list of strings", "list of regexes" -> "strings";
            case "duration", "size" -> "value";
            case "code, list or range", "status list" -> "any";
            default -> "string";
        };
    }
}
