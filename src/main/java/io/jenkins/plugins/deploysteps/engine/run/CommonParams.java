package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.io.Serializable;
import java.util.List;

/**
 * The parameters every step shares: {@code reportName} (file names of its reports), {@code onFailure}
 * (what a failed check does to the build), {@code archive} (whether Jenkins archives the reports) and
 * {@code verbose} (every remote script and its output in the log, not just one line per action).
 */
public record CommonParams(String reportName, FailurePolicy onFailure, boolean archive, boolean verbose) implements Serializable {
    public static final List<ParamDoc> DOCS = List.of(
            new ParamDoc("reportName", "string", "the step name", "Name of the report files: deploy-reports/<reportName>.{xml,json,html}."),
            new ParamDoc("onFailure", "'FAILURE' | 'UNSTABLE'", "'FAILURE'", "What a failed check does: fail the step, or mark the build UNSTABLE and go on."),
            new ParamDoc("archive", "boolean", "true", "Archive the reports with the build (Jenkins only)."),
            new ParamDoc("verbose", "boolean", "false", "Print every remote command in full, scripts line by line, and its output as it arrives; "
                    + "without it each remote action prints one line when it starts and one when it ends."));

    public static CommonParams read(Params p, String stepName) {
        String name = p.string("reportName", stepName);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new SpecException(p.path("reportName"), PrintableText.quote(name) + " is not usable as a file name: use at most 100 letters, digits, '.', '-' and '_'");
        }
        return new CommonParams(name, p.choice("onFailure", FailurePolicy.class, FailurePolicy.FAILURE), p.bool("archive", true), p.bool("verbose", false));
    }
}
