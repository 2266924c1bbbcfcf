package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.Origin;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.http.AssertionResult;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.ssh.ConnectionLostException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes from where things really talk to each other: from a host over SSH, or from inside a container on it
 * with {@code docker exec}. HTTP uses the origin's own curl, or its wget when there is no curl, and for a container
 * with no tool at all the host's curl in its network namespace (the choice is remembered per origin, so polling does
 * not look again); an origin where none of them can run is an ERROR that says what to install or allow.
 */
final class RemoteProbes {
    /** What the remote command needs beyond the request's own timeout: SSH, docker exec, process start. */
    static final Duration COMMAND_SLACK = Duration.ofSeconds(10);

    /**
     * What a probe runs with, in this order; busybox's own wget serves images that ship busybox without its applet links,
     * and the host's curl in the container's network namespace serves images with no tool at all.
     */
    private enum Tool {
        CURL("curl"),
        WGET("wget"),
        BUSYBOX_WGET("busybox wget"),
        HOST_CURL("host curl");

        final String label;

        Tool(String label) {
            this.label = label;
        }
    }

    private final RunContext ctx;
    private final Map<Origin, Tool> tools = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    RemoteProbes(RunContext ctx) {
        this.ctx = ctx;
    }

    Attempt attempt(HealthCheckSpec check, Check.Builder c) throws InterruptedException {
        Origin origin = check.origin();
        try {
            Target target = ctx.targets().get("checks[" + check.index() + "].host", origin.host());
            return check.probe() instanceof HttpProbe h ? http(target, origin, h, c) : tcp(target, (TcpProbe) check.probe(), c);
        } catch (ConnectionLostException e) {
            ctx.targets().discard(origin.host()); // the next attempt reconnects
            return Probes.failed(c, e.getMessage());
        } catch (TargetException e) {
            return Probes.failed(c, e.getMessage());
        }
    }

    private Attempt http(Target target, Origin origin, HttpProbe probe, Check.Builder c) throws TargetException, InterruptedException {
        String where = origin.container() == null ? "host " + origin.host() : "container " + origin.container() + " on " + origin.host();
        Tool known = tools.get(origin);
        List<Tool> order = known != null ? List.of(known)
                : origin.container() != null ? List.of(Tool.CURL, Tool.WGET, Tool.BUSYBOX_WGET, Tool.HOST_CURL) : List.of(Tool.CURL, Tool.WGET);
        String missing = null;
        for (Tool tool : order) {
            if (tool == Tool.WGET || tool == Tool.BUSYBOX_WGET) {
                var cannot = ProbeCommands.wgetCannot(probe.request());
                if (cannot.isPresent()) {
                    return Probes.failed(c, where + " has no curl, and " + cannot.get() + "; install curl there");
                }
            }
            byte[] n = new byte[8];
            random.nextBytes(n);
            String nonce = HexFormat.of().formatHex(n);
            boolean curl = tool == Tool.CURL || tool == Tool.HOST_CURL;
            Cmd cmd = tool == Tool.CURL ? ProbeCommands.curl(probe.request(), origin)
                    : tool == Tool.HOST_CURL ? ProbeCommands.curlInNetworkOf(probe.request(), origin.container())
                    : ProbeCommands.wget(probe.request(), origin, tool == Tool.BUSYBOX_WGET);
            RemoteCommand rc = RemoteCommand.of(cmd, probe.request().timeout().plus(COMMAND_SLACK)).quiet()
                    .sudo(origin.container() != null && target.usesSudo()).label(tool.label + " " + probe.request().uri() + " from " + where);
            if (curl) {
                rc = rc.stdin(ProbeCommands.bytes(ProbeCommands.curlConfig(probe.request(), nonce)));
            }
            ExecResult r = target.exec(rc);
            if (tool == Tool.HOST_CURL && (ProbeOutput.missingProgram(r) || ProbeCommands.namespaceRefused(r))) {
                return Probes.failed(c, where + " has neither curl, wget nor busybox to probe with (" + missing + "), and " + hostCurlCannot(target.name(), target.usesSudo(), r));
            }
            if (tool == Tool.HOST_CURL && r.exitCode() == ProbeCommands.NO_PROCESS) {
                return Probes.failed(c, "cannot probe from the network namespace of " + where + ": " + r.tail(1));
            }
            if (ProbeOutput.missingProgram(r)) {
                missing = r.tail(1);
                continue;
            }
            tools.put(origin, tool);
            HttpResult response;
            try {
                response = curl ? ProbeOutput.curl(r, probe.request().uri(), nonce, probe.request().followRedirects())
                        : ProbeOutput.wget(r, probe.request().uri(), probe.request().followRedirects());
            } catch (ProbeOutput.ProbeException e) {
                return Probes.failed(c, "from " + where + ": " + e.getMessage());
            }
            List<AssertionResult> results = Assertions.evaluate(probe.assertions(), response);
            Check check = Assertions.toCheck(c, results, response);
            return new Attempt(List.of(check), Assertions.allHeld(results), check.message() != null ? check.message()
                    : "status " + response.status() + " from " + where);
        }
        return Probes.failed(c, where + " has neither curl nor wget to probe with (" + missing + "): install curl on the host");
    }

    /** Why the host's curl could not probe from a container's network namespace, and what to do about it. */
    static String hostCurlCannot(String host, boolean sudo, ExecResult r) {
        String fix = "; or add curl or busybox to the image, or probe the container's published port from the host";
        if (ProbeOutput.missingProgram(r)) {
            return "the host cannot probe from the container's network namespace (" + r.tail(1) + "): install curl and util-linux (nsenter) on "
                    + host + fix;
        }
        return "joining the container's network namespace needs root (" + r.tail(1) + "): "
                + (sudo ? "allow nsenter in the SSH user's sudoers rule on " + host : "turn sudo on for host " + host
                        + " and allow nsenter and the container engine in its sudoers rule") + " (see healthVerify's sudo rules)" + fix;
    }

    private Attempt tcp(Target target, TcpProbe probe, Check.Builder c) throws TargetException, InterruptedException {
        c.expected("a TCP connection from " + target.name() + " to " + probe.address() + " within " + ProbeCommands.format(probe.timeout()));
        ExecResult r = target.exec(RemoteCommand.of(ProbeCommands.tcp(probe), probe.timeout().plus(COMMAND_SLACK)));
        if (r.succeeded()) {
            return new Attempt(List.of(c.actual("connected (" + r.duration().toMillis() + " ms over SSH)").pass()), true, "connected");
        }
        if (r.exitCode() == 124) {
            return Probes.failed(c, "connecting from " + target.name() + " to " + probe.address() + " timed out after "
                    + ProbeCommands.format(probe.timeout()));
        }
        if (ProbeOutput.missingProgram(r)) {
            return Probes.failed(c, "tcp checks need bash and timeout on " + target.name() + ": " + r.tail(1));
        }
        return Probes.failed(c, "cannot connect from " + target.name() + " to " + probe.address() + ": " + r.tail(2).replace("\n", "; "));
    }
}
