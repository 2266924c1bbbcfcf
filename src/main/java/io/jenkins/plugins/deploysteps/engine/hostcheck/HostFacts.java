package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for what the host commands print. Each returns empty instead of guessing when the text is not as expected. */
public final class HostFacts {
    /** {@code Filesystem 1024-blocks Used Available Capacity Mounted on}; the file system name may contain spaces. */
    private static final Pattern DF_LINE = Pattern.compile("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)%\\s+(.+)$");
    private static final Pattern MEM_LINE = Pattern.compile("^(\\w+):\\s+(\\d+)\\s*kB", Pattern.MULTILINE);

    private HostFacts() {}

    public record DiskFree(String filesystem, String mountPoint, ByteSize available, int usedPercent) {}

    public static java.util.Optional<DiskFree> parseDf(String output) {
        String[] lines = output.strip().split("\\R");
        for (int i = lines.length - 1; i >= 1; i--) {
            Matcher m = DF_LINE.matcher(lines[i].strip());
            if (m.matches()) {
                return java.util.Optional.of(new DiskFree(m.group(1), m.group(6), ByteSize.ofKiB(Long.parseLong(m.group(4))),
                        Integer.parseInt(m.group(5))));
            }
        }
        return java.util.Optional.empty();
    }

    /** Available memory: MemAvailable, or free + buffers + page cache on kernels older than 3.14. */
    public static OptionalLong parseMemAvailableKiB(String meminfo) {
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        Matcher m = MEM_LINE.matcher(meminfo);
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        if (values.containsKey("MemAvailable")) {
            return OptionalLong.of(values.get("MemAvailable"));
        }
        if (values.containsKey("MemFree")) {
            return OptionalLong.of(values.get("MemFree") + values.getOrDefault("Buffers", 0L) + values.getOrDefault("Cached", 0L));
        }
        return OptionalLong.empty();
    }

    public record Load(double one, double five, double fifteen) {}

    public static java.util.Optional<Load> parseLoadAvg(String loadavg) {
        String[] f = loadavg.strip().split("\\s+");
        if (f.length < 3) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Load(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
