package io.jenkins.plugins.deploysteps.testing;

import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs a step the way the CLI and Jenkins do (bind, connect over real SSH, run, write reports) against the local target as host {@code local}. */
public final class StepHarness {
    private final LocalTarget target;
    private final Path reports;
    private final HostStepDefaults hostDefaults;
    private final HostSpec host;
    private final UnaryOperator<Target> wrap;
    private Path baseDir;

    public StepHarness(LocalTarget target, Path reports) {
        this(target, reports, HostStepDefaults.NONE);
    }

    /** @param hostDefaults per-host step defaults, as Deploy hosts or a plan's host set them ({@code composeCommand}) */
    public StepHarness(LocalTarget target, Path reports, HostStepDefaults hostDefaults) {
        this(target, reports, hostDefaults, null);
    }

    private StepHarness(LocalTarget target, Path reports, HostStepDefaults hostDefaults, HostSpec host) {
        this(target, reports, hostDefaults, host, UnaryOperator.identity());
    }

    private StepHarness(LocalTarget target, Path reports, HostStepDefaults hostDefaults, HostSpec host, UnaryOperator<Target> wrap) {
        this.target = target;
        this.reports = reports;
        this.hostDefaults = hostDefaults;
        this.host = host;
        this.wrap = wrap;
    }

    /** The same harness logging in as {@code host} describes (another user, sudo), still called {@code local}, with this harness's defaults. */
    public StepHarness as(HostSpec host) {
        return new StepHarness(target, reports, hostDefaults, host, wrap);
    }

    /** The same harness with each real SSH target passed through {@code wrap}: for injecting a fault at one command. */
    public StepHarness wrapping(UnaryOperator<Target> wrap) {
        return new StepHarness(target, reports, hostDefaults, host, wrap);
    }

    /** The same harness with local paths (syncFiles' from) resolving against {@code dir}, as against a workspace. */
    public StepHarness in(Path dir) {
        StepHarness h = new StepHarness(target, reports, hostDefaults, host, wrap);
        h.baseDir = dir;
        return h;
    }

    /** One finished run: its result and everything it logged. */
    public record Run(StepResult result, Recording log) {
        public Report report() {
            return result.report();
        }

        public Check check(String name) {
            return report().checks().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + report().checks()));
        }

        /** The log and all three report files, as a reader of any of them would see them. */
        public String everything() {
            try {
                return log.text() + Files.readString(Path.of(result.files().json())) + Files.readString(Path.of(result.files().xml()))
                        + Files.readString(Path.of(result.files().html())) + result.toMap();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public <S extends StepSpec> Run run(StepDefinition<S> step, Map<String, ?> params, String holder) throws Exception {
        return run(step, params, holder, new Recording());
    }

    /** @param log where progress goes; nothing is registered with its masker unless the caller does it */
    public <S extends StepSpec> Run run(StepDefinition<S> step, Map<String, ?> params, String holder, Recording log) throws Exception {
        HostSpec plain = host == null ? target.host("local") : host;
        HostSpec local = plain.toBuilder().name("local").jumpHost(null).stepDefaults(hostDefaults).build();
        HostResolver hosts = (field, name) -> {
            if (!name.equals("local")) {
                throw new SpecException(field, "unknown host '" + name + "'");
            }
            return local;
        };
        S spec = StepRunner.bind(step, params, hosts);
        SshConnector connector = new SshConnector(log.progress());
        Targets targets = new Targets(hosts, h -> wrap.apply(new SshTarget(connector.connect(h), log.progress())));
        try (RunContext ctx = new RunContext(log.masker(), log.progress(), targets, Clock.systemUTC(), holder)) {
            RunContext in = baseDir == null ? ctx : ctx.withBaseDir(baseDir);
            return new Run(StepRunner.run(step, spec, in, reports.resolve(holder.replaceAll("[^A-Za-z0-9]", "-"))), log);
        }
    }
}
