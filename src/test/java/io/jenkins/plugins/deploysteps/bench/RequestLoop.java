package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.testing.NginxSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests paths through nginx in turn, one every {@code pause}, on a thread of its own, and tells how many failed and
 * the longest outage: from the first failed request to the next one that was served.
 */
final class RequestLoop {
    record Result(int requests, int failed, long longestOutageMs) {}

    private record Sample(long atNanos, boolean ok) {}

    private final NginxSite site;
    private final List<String> paths;
    private final Duration pause;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean stop;
    private Thread thread;

    RequestLoop(NginxSite site, List<String> paths, Duration pause) {
        this.site = site;
        this.paths = List.copyOf(paths);
        this.pause = pause;
    }

    void start() {
        thread = new Thread(() -> {
            int i = 0;
            while (!stop) {
                long at = System.nanoTime();
                boolean ok = site.get(paths.get(i++ % paths.size())).status() == 200;
                synchronized (samples) {
                    samples.add(new Sample(at, ok));
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "request-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops once the last request was served (the site is back), or after {@code recovery} at most. */
    Result stopWhenServed(Duration recovery) throws InterruptedException {
        long deadline = System.nanoTime() + recovery.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (samples) {
                if (!samples.isEmpty() && samples.get(samples.size() - 1).ok()) {
                    break;
                }
            }
            Thread.sleep(pause.toMillis());
        }
        stop = true;
        thread.join(10_000);
        synchronized (samples) {
            return result(samples);
        }
    }

    private static Result result(List<Sample> samples) {
        int failed = 0;
        long longest = 0;
        Long from = null;
        for (Sample s : samples) {
            if (!s.ok()) {
                failed++;
                from = from == null ? s.atNanos() : from;
            } else if (from != null) {
                longest = Math.max(longest, (s.atNanos() - from) / 1_000_000);
                from = null;
            }
        }
        if (from != null) {
            longest = Math.max(longest, (samples.get(samples.size() - 1).atNanos() - from) / 1_000_000);
        }
        return new Result(samples.size(), failed, longest);
    }
}
