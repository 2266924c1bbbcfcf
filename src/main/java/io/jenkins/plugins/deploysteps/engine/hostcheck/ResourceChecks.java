package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The free-disk and available-memory checks, shared by every step that needs room on a host before it
 * changes anything ({@code hostCheck}, the preflight of {@code composeDeploy}), so they measure and word
 * their findings the same way everywhere.
 */
public final class ResourceChecks {
    public static final String MEMORY_CHECK = "available memory";

    private ResourceChecks() {}

    /** The name of the disk check for {@code path}, as reports show it. */
    public static String diskCheckName(String path) {
        return "free disk on " + path;
    }

    /** Available space on the file system holding {@code path} is at least {@code min}. */
    public static Check freeDisk(Target target, String path, ByteSize min, Duration timeout, Check.Builder c)
            throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(HostCheckCommands.diskFree(path), timeout));
        c.expected(">= " + min);
        if (!r.succeeded()) {
            return c.error("df failed for " + path + ": " + r.tail(2));
        }
        var df = HostFacts.parseDf(r.stdoutText());
        if (df.isEmpty()) {
            return c.evidence("df output", r.stdoutText()).error("cannot read the output of df for " + path);
        }
        ByteSize free = df.get().available();
        c.actual(free + " free on " + df.get().mountPoint() + " (" + df.get().usedPercent() + "% used)");
        return c.verdict(free.bytes() >= min.bytes(), "only " + free + " free on " + df.get().mountPoint());
    }

    /** MemAvailable is at least {@code min}. */
    public static Check availableMemory(Target target, ByteSize min, Duration timeout, Check.Builder c)
            throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(HostCheckCommands.memInfo(), timeout).quiet());
        c.expected(">= " + min);
        OptionalLong kib = r.succeeded() ? HostFacts.parseMemAvailableKiB(r.stdoutText()) : OptionalLong.empty();
        if (kib.isEmpty()) {
            return c.error("cannot read available memory from /proc/meminfo" + (r.succeeded() ? "" : ": " + r.tail(1)));
        }
        ByteSize available = ByteSize.ofKiB(kib.getAsLong());
        c.actual(available + " available");
        return c.verdict(available.bytes() >= min.bytes(), "only " + available + " of memory available");
    }
}
