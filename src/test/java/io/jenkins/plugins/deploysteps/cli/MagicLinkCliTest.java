package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** magicLinkAuthCheck in a CLI plan: the Jenkins parameter names, the IMAP login from the plan's credentials (an environment variable). */
class MagicLinkCliTest {
    @TempDir
    Path dir;

    private GreenMail mail;
    private MagicLinkApp app;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void servers() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        mail.setUser("qa@example.test", "qa", "cli-imap-password");
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", mail.getSmtp().getPort()));
    }

    @AfterEach
    void stop() {
        app.close();
        mail.stop();
    }

    private int run(String plan) throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), plan);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get)
                .run("run", file.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    @Test
    void aPlanRunsTheWholeFlowWithTheMailboxLoginFromTheEnvironment() throws Exception {
        env.put("IMAP_PASSWORD", "cli-imap-password");
        int exit = run("credentials:\n  imap: {username: qa, passwordEnv: IMAP_PASSWORD}\nsteps:\n  - magicLinkAuthCheck:\n"
                + "      baseUrl: '" + app.url() + "'\n      email: qa@example.test\n      mailTimeout: 20s\n"
                + "      mailbox: {type: imap, host: 127.0.0.1, port: " + mail.getImap().getPort() + ", security: none, credentialsId: imap}\n"
                + "      authenticatedChecks:\n        - {path: /api/user/profile, expectJson: {'$.email': '${email}'}}\n"
                + "        - {path: /api/chat, method: POST, body: '{\"message\":\"test\"}', auth: 'bodyField:sessionToken'}\n"
                + "      refreshPath: /api/auth/refresh\n      rateLimit: {requests: 10}\n");
        String all = out.toString(StandardCharsets.UTF_8) + Files.readString(dir.resolve("reports/magicLinkAuthCheck.json"));
        assertThat(exit).as(all + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(all).contains("[PASS] verify token").contains("[PASS] authenticated: POST /api/chat").contains("[PASS] rate limit")
                .doesNotContain("cli-imap-password");
        for (String secret : app.issuedTokens()) {
            assertThat(all).doesNotContain(secret);
        }
        for (String secret : app.issuedSessions()) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void planErrorsNameTheStepAndTheField() throws Exception {
        assertThat(run("steps:\n  - magicLinkAuthCheck: {baseUrl: '" + app.url() + "', mailbox: {type: imap, host: 127.0.0.1, credentialsId: nope}}\n"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("steps[0] (magicLinkAuthCheck): mailbox.credentialsId: unknown credential 'nope'");
        assertThat(app.issuedTokens()).isEmpty();
    }

    @Test
    void helpListsTheNestedParameters() throws Exception {
        new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get).run("help",
                "magicLinkAuthCheck");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("mailTimeout").contains("mailbox.type").contains("authenticatedChecks[].auth")
                .contains("rateLimit.requests").contains("expiredToken.ttl");
    }
}
