package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a running step may use: the masker, the progress log, its connections, a clock, and who it is
 * (written into remote locks so a waiting deploy can say whom it waits for).
 */
public final class RunContext implements AutoCloseable {
    private final SecretMasker masker;
    private final Progress progress;
    private final Targets targets;
    private final Clock clock;
    private final String holder;
    private final ReportNames reportNames;
    private final java.nio.file.Path baseDir;
    /** Shared with the contexts derived from this one, so the runner sees a report whichever of them began it. */
    private final AtomicReference<ReportBuilder> report;

    public RunContext(SecretMasker masker, Progress progress, Targets targets, Clock clock, String holder) {
        this(masker, progress, targets, clock, holder, new ReportNames());
    }

    /** With the report names the rest of the build has used, so this step's default report name does not collide. */
    public RunContext(SecretMasker masker, Progress progress, Targets targets, Clock clock, String holder, ReportNames reportNames) {
        this(masker, progress, targets, clock, holder, reportNames, java.nio.file.Path.of("").toAbsolutePath(), new AtomicReference<>());
    }

    private RunContext(SecretMasker masker, Progress progress, Targets targets, Clock clock, String holder, ReportNames reportNames,
            java.nio.file.Path baseDir, AtomicReference<ReportBuilder> report) {
        this.reportNames = reportNames;
        this.baseDir = baseDir;
        this.report = report;
        this.masker = masker;
        this.progress = progress;
        this.targets = targets;
        this.clock = clock;
        this.holder = holder;
    }

    public SecretMasker masker() {
        return masker;
    }

    public Progress progress() {
        return progress;
    }

    public Targets targets() {
        return targets;
    }

    public Clock clock() {
        return clock;
    }

    /** Who runs this step, as lock owners record it: {@code jenkins: deploy/main #42} or {@code cli: alice@laptop}. */
    public String holder() {
        return holder;
    }

    /** The folder local paths of a step resolve against: the workspace in Jenkins, the plan's folder in the CLI. */
    public java.nio.file.Path baseDir() {
        return baseDir;
    }

    /** The same context with local paths resolving against {@code dir}. */
    public RunContext withBaseDir(java.nio.file.Path dir) {
        return new RunContext(masker, progress, targets, clock, holder, reportNames, dir.toAbsolutePath().normalize(), report);
    }

    public ReportBuilder newReport(String step, String name, String target) {
        ReportBuilder begun = new ReportBuilder(step, reportNames.claim(step, name), target, masker, clock);
        report.set(begun);
        return begun;
    }

    /** The report the step began, so a step that throws unexpectedly still leaves what it recorded. */
    Optional<ReportBuilder> begunReport() {
        return Optional.ofNullable(report.get());
    }

    @Override
    public void close() {
        targets.close();
    }
}
