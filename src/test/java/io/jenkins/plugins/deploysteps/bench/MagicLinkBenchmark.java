package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import io.jenkins.plugins.deploysteps.testing.MailDev;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * magicLinkAuthCheck's whole flow against the magic-link test app, which mails through a real MailDev on 127.0.0.1:
 * request the link, poll MailDev's API (every 250 ms), verify, the profile, and the three negatives. Measures, per
 * round, the time from the email's arrival (MailDev accepted it over SMTP; the app sends it 500-750 ms after the request,
 * so it lands anywhere in a poll interval) to its detection, and the total step time;
 * the baseline, in the same run, is the same flow scripted with curl and a poll loop with the same interval. Prints
 * medians and ratios. Run with {@code scripts/bench magiclink [ROUNDS]}.
 */
public final class MagicLinkBenchmark {
    private static final Duration POLL = Duration.ofMillis(250);

    /** The flow as a person would script it: curl, grep and sed, polling MailDev every 250 ms. Prints when it found the mail. */
    private static final String CURL_FLOW = """
            set -eu
            app=$1 mail=$2 email=$3
            curl -sf -m 10 -X POST -H 'Content-Type: application/json' -d "{\\"email\\":\\"$email\\"}" "$app/api/auth/send-magic-link" >/dev/null
            token=''
            for i in $(seq 1 240); do
              token=$(curl -sf -m 10 "$mail/api/email?to.address=$(printf %s "$email" | sed 's/+/%2B/')" | grep -o 'token=[0-9a-f]*' | head -n 1 | cut -d= -f2 || true)
              [ -n "$token" ] && break
              sleep 0.25
            done
            echo "found $(date +%s%N)"
            session=$(curl -sf -m 10 "$app/api/auth/verify?token=$token" | sed -n 's/.*"sessionToken":"\\([^"]*\\)".*/\\1/p')
            curl -sf -m 10 -H "Authorization: Bearer $session" "$app/api/user/profile" | grep -qF "$email"
            [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$app/api/auth/verify?token=invalid-0123456789")" = 400 ]
            [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$app/api/auth/verify?token=$token")" = 400 ]
            [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$app/api/user/profile")" = 401 ]
            """;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("magiclink-bench-");
        // The app mails 500 ms after the request plus up to 250 ms, so the email lands at a random point of a poll interval.
        MagicLinkApp.Settings settings = MagicLinkApp.Settings.of("127.0.0.1", 0).misbehaving(MagicLinkApp.Misbehaviour.SLOW_MAIL)
                .slowMail(Duration.ofMillis(500));
        try (MailDev maildev = MailDev.start(dir); MagicLinkApp app = new MagicLinkApp(new MagicLinkApp.Settings("127.0.0.1", maildev.smtpPort(),
                settings.misbehaviours(), settings.rateLimit(), settings.tokenTtl(), settings.slowMail(), null, null, false, null))) {
            new MagicLinkBenchmark().run(maildev, app, rounds);
        }
    }

    private record Round(long totalMs, long detectionMs) {}

    private void run(MailDev maildev, MagicLinkApp app, int rounds) throws Exception {
        for (int i = 0; i < 2; i++) { // warm up the JIT, MailDev and the app
            step(maildev, app);
            curl(maildev, app, i);
        }
        List<Round> engine = new ArrayList<>();
        List<Round> curl = new ArrayList<>();
        for (int i = 0; i < rounds; i++) { // interleaved, so both see the same machine load
            engine.add(step(maildev, app));
            curl.add(curl(maildev, app, 100 + i));
        }
        double engineTotal = median(engine.stream().map(Round::totalMs).toList());
        double curlTotal = median(curl.stream().map(Round::totalMs).toList());
        double engineDetect = median(engine.stream().map(Round::detectionMs).toList());
        double curlDetect = median(curl.stream().map(Round::detectionMs).toList());
        System.out.printf(Locale.ROOT, "magicLinkAuthCheck, %d rounds, MailDev polled every %d ms%n", rounds, POLL.toMillis());
        System.out.printf(Locale.ROOT, "  arrival -> detection: engine median %.0f ms (max %d), curl loop median %.0f ms (max %d); target < %d ms%n",
                engineDetect, Collections.max(engine.stream().map(Round::detectionMs).toList()), curlDetect,
                Collections.max(curl.stream().map(Round::detectionMs).toList()), POLL.toMillis());
        System.out.printf(Locale.ROOT, "  whole flow (request, mail, verify, profile, 3 negatives): engine median %.0f ms, curl script median %.0f ms, "
                + "ratio %.2f%n", engineTotal, curlTotal, engineTotal / curlTotal);
        System.out.printf(Locale.ROOT, "  engine rounds: %s%n  curl rounds:   %s%n", engine, curl);
    }

    private Round step(MailDev maildev, MagicLinkApp app) throws Exception {
        Map<String, Object> p = Map.of("baseUrl", app.url(), "mailbox", Map.of("type", "maildev", "url", maildev.webUrl()), "mailTimeout", "30s");
        MagicLinkSpec spec = new MagicLinkAuthCheck().bind(Params.of(p));
        SecretMasker masker = new SecretMasker();
        Progress progress = new Progress(new ProgressSink() {
            @Override
            public void line(Level level, String text) {}
        }, masker);
        long t0 = System.nanoTime();
        Report report;
        try (RunContext ctx = new RunContext(masker, progress, new Targets((f, n) -> null, h -> null), Clock.systemUTC(), "bench")) {
            report = new MagicLinkAuthCheck().run(spec, ctx);
        }
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (report.checks().stream().anyMatch(c -> c.status() != Status.PASS)) {
            throw new IllegalStateException("the flow did not pass: " + report.checks());
        }
        Instant detected = Instant.parse(report.fact("emailDetectedAt"));
        return new Round(total, Duration.between(app.lastMailDelivered(), detected).toMillis());
    }

    private Round curl(MailDev maildev, MagicLinkApp app, int n) throws Exception {
        String email = "curl+" + System.currentTimeMillis() + "x" + n + "@example.com";
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder("bash", "-c", CURL_FLOW, "bash", app.url(), maildev.webUrl(), email).redirectErrorStream(true).start();
        if (!proc.waitFor(60, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new IllegalStateException("the curl flow did not finish within 60 s");
        }
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (proc.exitValue() != 0) {
            throw new IllegalStateException("the curl flow failed (" + proc.exitValue() + "): " + out);
        }
        long foundNanos = Long.parseLong(out.lines().filter(l -> l.startsWith("found ")).findFirst().orElseThrow().substring(6).trim());
        Instant found = Instant.ofEpochSecond(0, foundNanos);
        return new Round(total, Duration.between(app.lastMailDelivered(), found).toMillis());
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
