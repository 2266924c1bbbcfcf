package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import java.util.List;

/**
 * A step as the engine knows it, independent of Jenkins: its parameters, how to bind and validate them, and
 * how to run it. The Jenkins step class and the CLI plan both hand it the same name → value map.
 *
 * @param <S> the validated, immutable spec the parameters bind to
 */
public interface StepDefinition<S extends StepSpec> {

    /** The Pipeline function name, which is also the plan key: {@code hostCheck}. */
    String name();

    /** One line for help texts. */
    String summary();

    /** Every parameter, declared once: binding reads through these, and help, docs and the Jenkins forms come from them. */
    ParamSet declarations();

    /** The parameters as {@code deploy-steps help} lists them. */
    default List<ParamDoc> params() {
        return declarations().docs();
    }

    /** Validates every parameter before anything touches a host, and refuses unknown ones. */
    S bind(Params params);

    /** Runs the step; failures become checks in the report, not exceptions (interruption excepted). */
    Report run(S spec, RunContext context) throws InterruptedException;
}
