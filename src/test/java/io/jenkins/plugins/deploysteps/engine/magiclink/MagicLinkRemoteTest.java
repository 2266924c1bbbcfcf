package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp.Misbehaviour;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts that run on a host over SSH, against the local target's real sshd: the {@code command} mailbox (the app
 * logs its links instead of mailing them, as in development; the log is on the "host") and {@code userRecordCommand}.
 */
class MagicLinkRemoteTest {
    @RegisterExtension
    static SharedTarget target = SharedTarget.sshd();

    @TempDir
    Path dir;
    @TempDir
    Path reports;

    MagicLinkApp app;
    PlanStepHarness<MagicLinkSpec> harness;
    Path links;
    Path users;

    @BeforeEach
    void setUp() throws Exception {
        links = dir.resolve("links.log");
        users = dir.resolve("users.txt");
        // An old link for the same fixed address, already in the log before the step starts: it must not be taken.
        Files.writeString(links, "2020-01-01T00:00:00Z INFO magic link for dev@example.test: http://127.0.0.1:9/auth/verify?token=old-link-token\n",
                StandardCharsets.UTF_8);
        harness = new PlanStepHarness<>(new MagicLinkAuthCheck(), reports);
        harness.hosts.put("local", target.get().host("local"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("baseUrl", app.url());
        p.put("email", "dev@example.test");
        p.put("mailbox", Map.of("type", "command", "host", "local", "command", "tail -n 200 " + links));
        p.put("mailTimeout", "20s");
        p.put("userRecordCommand", "grep -F -x -- \"$1\" " + users);
        p.put("userRecordHost", "local");
        return p;
    }

    @Test
    void theLinkComesFromACommandsOutputAndTheUserRecordFromAnother() throws Exception {
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", TestHttpServer.closedPort()).misbehaving(Misbehaviour.NO_MAIL).files(links, users));
        StepResult r = harness.run(params());
        assertThat(r.report().checks()).extracting(Check::name).startsWith("connect to local", "test email address", "mailbox readable",
                "request magic link", "magic link email", "magic link and token", "verify token");
        assertThat(r.report().checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASS));
        assertThat(named(r.report(), "user record").actual()).isEqualTo("names it");
        String everything = harness.log.text() + Files.readString(Path.of(r.files().json())) + Files.readString(Path.of(r.files().html()))
                + Files.readString(Path.of(r.files().xml())) + r.toMap();
        for (String token : app.issuedTokens()) {
            assertThat(everything).doesNotContain(token);
        }
        for (String session : app.issuedSessions()) {
            assertThat(everything).doesNotContain(session);
        }
        assertThat(everything).doesNotContain("old-link-token");
        assertThat(harness.log.text()).contains("[local] $ sh -c 'tail -n 200 " + links + "' sh");
    }

    @Test
    void aMissingUserRecordFailsThatCheck() throws Exception {
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", TestHttpServer.closedPort()).misbehaving(Misbehaviour.NO_MAIL).files(links, null));
        Files.writeString(users, "someone-else@example.test\n", StandardCharsets.UTF_8);
        StepResult r = harness.run(params());
        Check record = named(r.report(), "user record");
        assertThat(record.status()).isEqualTo(Status.ERROR);
        assertThat(record.message()).startsWith("the command failed");
        Files.writeString(users, "someone-else@example.test\ndev@example.test.old\n", StandardCharsets.UTF_8);
        Map<String, Object> p = params();
        p.put("userRecordCommand", "cat " + users);
        assertThat(named(harness.run(p).report(), "user record").message()).isEqualTo("no user record for dev@example.test: the command did not print it");
    }

    @Test
    void aFailingMailboxCommandSkipsTheFlowWithItsReason() throws Exception {
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", TestHttpServer.closedPort()).misbehaving(Misbehaviour.NO_MAIL));
        Map<String, Object> p = params();
        p.put("mailbox", Map.of("type", "command", "host", "local", "command", "tail -n 5 " + dir.resolve("missing.log")));
        StepResult r = harness.run(p);
        assertThat(named(r.report(), "mailbox readable").status()).isEqualTo(Status.ERROR);
        assertThat(named(r.report(), "mailbox readable").message()).contains("exited with 1").contains("missing.log");
        assertThat(named(r.report(), "request magic link").status()).isEqualTo(Status.SKIP);
    }
}
