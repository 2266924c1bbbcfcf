package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;

/**
 * A step definition whose name, help line and parameters are given once, when it is made; the step itself adds how
 * it binds and runs.
 *
 * @param <S> the validated, immutable spec the parameters bind to
 */
public abstract class DeclaredStep<S extends StepSpec> implements StepDefinition<S> {
    private final String name;
    private final String summary;
    private final ParamSet declarations;

    protected DeclaredStep(String name, String summary, ParamSet declarations) {
        this.name = name;
        this.summary = summary;
        this.declarations = declarations;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final ParamSet declarations() {
        return declarations;
    }

    /** A new report of this step, under the name {@code spec} gives it; {@code target} is what the step works on ({@code host:dir}). */
    protected final ReportBuilder newReport(RunContext ctx, S spec, String target) {
        return ctx.newReport(name, spec.common().reportName(), target);
    }
}
