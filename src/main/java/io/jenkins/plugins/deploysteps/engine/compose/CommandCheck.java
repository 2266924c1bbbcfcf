package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.CommandTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose command that changes the host, recorded as a check named after it: PASS when it exits 0, FAIL with its
 * last lines otherwise; its output streams live and its tail is the check's evidence. In a dry run it is printed and
 * the check is SKIP ({@link ComposeRun#wentThrough}: the stages after it go on).
 */
final class CommandCheck {
    /** podman-compose's report of a podman command's exit status. */
    private static final Pattern EXIT_CODE_LINE = Pattern.compile("(?m)^exit code: ([1-9]\\d*)\\s*$");
    private static final int EVIDENCE_LINES = 60;

    private CommandCheck() {}

    /** @param outputTellsFailure whether podman-compose's {@code exit code: N} lines count (build and pull) */
    static Check run(ComposeRun run, String name, Cmd cmd, ComposeFlavor flavor, boolean outputTellsFailure) throws InterruptedException {
        return run.check(name, c -> {
            ExecResult r;
            try {
                r = run.link.exec(RemoteCommand.of(cmd, run.timeouts.compose()).sudo(run.sudo()).changesHost().label(name));
            } catch (CommandTimeoutException e) {
                return c.error(e.getMessage() + "; " + leftRunning(flavor));
            }
            if (run.dryRun) {
                return c.skip("dry run: printed, not run");
            }
            String output = tail(r.stdoutText() + r.stderrText(), EVIDENCE_LINES);
            c.expected("exit 0").evidence("output", output).actual("exit " + r.exitCode() + " after " + Durations.human(r.duration()));
            int exit = r.exitCode();
            if (exit == 0 && outputTellsFailure && flavor.reportsFailuresInOutput()) {
                Matcher m = EXIT_CODE_LINE.matcher(r.stdoutText() + "\n" + r.stderrText());
                if (m.find()) {
                    exit = Integer.parseInt(m.group(1));
                }
            }
            if (exit != 0) {
                return c.fail(name.replaceFirst("^.*: ", "") + " failed (exit " + exit + "): " + lastLine(output));
            }
            return c.pass();
        });
    }

    /**
     * What a compose command stopped at its timeout leaves behind. Only the client's own processes are killed: docker
     * compose hands builds, pulls and container starts to the engine's service, which goes on with them (podman's
     * service finishes a build whose client is gone); podman-compose runs podman itself, but what it already started stays.
     */
    static String leftRunning(ComposeFlavor flavor) {
        return flavor == ComposeFlavor.PODMAN_COMPOSE
                ? "podman-compose and the podman commands it ran were stopped, but containers it had already started keep running"
                : "only the docker compose client was stopped: a build, pull or container start it had asked the container engine for "
                        + "may still be running on the host (see '" + flavor.engine() + " ps' and the engine's build processes)";
    }

    static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank() && !EXIT_CODE_LINE.matcher(lines[i]).matches()) {
                return lines[i].strip();
            }
        }
        return "(no output)";
    }
}
