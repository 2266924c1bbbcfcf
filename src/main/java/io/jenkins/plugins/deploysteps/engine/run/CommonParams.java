package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.io.Serializable;

/**
 * The parameters every step shares: {@code reportName} (file names of its reports), {@code onFailure}
 * (what a failed check does to the build), {@code archive} (whether Jenkins archives the reports) and
 * {@code verbose} (every remote script and its output in the log, not just one line per action).
 */
public record CommonParams(String reportName, FailurePolicy onFailure, boolean archive, boolean verbose) implements Serializable {
    public static final Param<FailurePolicy> ON_FAILURE = Param.choice("onFailure", FailurePolicy.class, FailurePolicy.FAILURE)
            .doc("what a failed check does to the build");
    public static final Param<Boolean> ARCHIVE = Param.bool("archive", true).doc("archive the reports with the build (Jenkins)");
    public static final Param<Boolean> VERBOSE = Param.flag("verbose")
            .doc("print every remote command in full, scripts line by line, and its output as it arrives; without it each remote action "
                    + "prints one line when it starts and one when it ends");

    /** The shared parameters of the step called {@code stepName}, whose reports are named after it by default. */
    public static ParamSet declarations(String stepName) {
        return ParamSet.of(reportName(stepName), ON_FAILURE, ARCHIVE, VERBOSE);
    }

    private static Param<String> reportName(String stepName) {
        return Param.string("reportName").withDefault(stepName).doc("report files `deploy-reports/<reportName>.{xml,json,html}`")
                .rule((path, name) -> {
                    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                        throw new SpecException(path, PrintableText.quote(name) + " is not usable as a file name: use at most 100 letters, digits, '.', '-' and '_'");
                    }
                });
    }

    public static CommonParams read(Params p, String stepName) {
        return new CommonParams(p.get(reportName(stepName)), p.get(ON_FAILURE), p.get(ARCHIVE), p.get(VERBOSE));
    }
}
