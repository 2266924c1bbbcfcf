package io.jenkins.plugins.deploysteps.engine.magiclink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailpit, mailhog and imap mailboxes. The app mails over SMTP to a real GreenMail (started here on free
 * 127.0.0.1 ports), which the imap mailbox reads over real IMAP. Mailpit and MailHog cannot be installed here (neither
 * is on npm, Maven Central or Debian), so their adapters read from small HTTP servers that answer exactly as those
 * products' documented APIs do (Mailpit: {@code GET /api/v1/search?query=to:...} and {@code GET /api/v1/message/{ID}},
 * as in Mailpit's server/apiv1 sources; MailHog: {@code GET /api/v2/search?kind=to&query=...}, as in MailHog-Server's
 * api/v2.go), built from what GreenMail received. Like the real ones they match recipients as substrings, and each
 * has an older message and one for a longer address that contains the test address: the step must take neither.
 */
class MailboxAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    GreenMail greenMail;
    MagicLinkApp app;
    TestHttpServer fake;
    PlanStepHarness<MagicLinkSpec> harness;

    @BeforeEach
    void servers() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        greenMail.start();
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", greenMail.getSmtp().getPort()));
        fake = TestHttpServer.http();
        harness = new PlanStepHarness<>(new MagicLinkAuthCheck(), reports);
    }

    @AfterEach
    void stop() {
        fake.close();
        app.close();
        greenMail.stop();
    }

    /** What GreenMail received, plus the decoys, newest first. */
    private List<Mail> mails(String query) throws Exception {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            out.add(new Mail("gm-" + out.size(), ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress(),
                    Instant.now().minusMillis(200), m));
        }
        String to = query.replaceFirst("^to:", "");
        // A longer address containing the test address, newer than the real mail; and an old mail to the test address.
        out.add(new Mail("decoy-longer", "x" + to, Instant.now(), null));
        out.add(new Mail("decoy-old", to, Instant.now().minus(1, ChronoUnit.HOURS), null));
        out.removeIf(m -> !m.to().toLowerCase().contains(to.toLowerCase()));
        out.sort((a, b) -> b.created().compareTo(a.created()));
        return out;
    }

    private record Mail(String id, String to, Instant created, MimeMessage mime) {
        String text() throws Exception {
            return mime == null ? "sign in: http://127.0.0.1:9/auth/verify?token=stale-" + id : part("text/plain");
        }

        String html() throws Exception {
            return mime == null ? null : part("text/html");
        }

        String raw() throws Exception {
            if (mime == null) {
                return "To: " + to + "\r\nSubject: old\r\n\r\n" + text() + "\r\n";
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            mime.writeTo(b);
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        private String part(String type) throws Exception {
            Multipart mp = (Multipart) mime.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType(type)) {
                    return (String) p.getContent();
                }
            }
            return null;
        }
    }

    private static String query(HttpExchange x, String name) {
        for (String pair : x.getRequestURI().getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void mailpit() {
        fake.on("/api/v1/search", x -> {
            try {
                ObjectNode res = JSON.createObjectNode();
                ArrayNode messages = res.putArray("messages");
                for (Mail m : mails(query(x, "query"))) {
                    ObjectNode s = messages.addObject();
                    s.put("ID", m.id());
                    s.put("MessageID", m.id() + "@test");
                    s.put("Read", false);
                    s.putObject("From").put("Name", "Magic Link App").put("Address", "no-reply@app.example.test");
                    s.putArray("To").addObject().put("Name", "").put("Address", m.to());
                    s.putNull("Cc");
                    s.putNull("Bcc");
                    s.put("Subject", "Your sign-in link");
                    s.put("Created", m.created().toString());
                    s.put("Size", 1234);
                    s.put("Attachments", 0);
                    s.put("Snippet", "Hello, sign in with this link");
                }
                res.put("total", messages.size()).put("unread", messages.size()).put("count", messages.size())
                        .put("messages_count", messages.size()).put("messages_unread", messages.size()).put("start", 0);
                res.putArray("tags");
                TestHttpServer.send(x, 200, "application/json", JSON.writeValueAsString(res));
            } catch (Exception e) {
                TestHttpServer.send(x, 400, "text/plain", e.toString());
            }
        });
        fake.on("/api/v1/message/gm-0", x -> {
            try {
                Mail m = mails("to:").stream().filter(k -> k.id().equals("gm-0")).findFirst().orElseThrow();
                ObjectNode full = JSON.createObjectNode();
                full.put("ID", m.id());
                full.putObject("From").put("Name", "Magic Link App").put("Address", "no-reply@app.example.test");
                full.putArray("To").addObject().put("Name", "").put("Address", m.to());
                full.put("Subject", "Your sign-in link");
                full.put("Date", m.created().toString());
                full.put("Text", m.text());
                full.put("HTML", m.html());
                full.put("Size", 1234);
                full.putArray("Inline");
                full.putArray("Attachments");
                TestHttpServer.send(x, 200, "application/json", JSON.writeValueAsString(full));
            } catch (Exception e) {
                TestHttpServer.send(x, 404, "text/plain", "404 page not found");
            }
        });
    }

    private void mailhog() {
        fake.on("/api/v2/search", x -> {
            try {
                if (!"to".equals(query(x, "kind"))) {
                    TestHttpServer.send(x, 400, null, "");
                    return;
                }
                ObjectNode res = JSON.createObjectNode();
                ArrayNode items = res.putArray("items");
                for (Mail m : mails(query(x, "query"))) {
                    ObjectNode i = items.addObject();
                    i.put("ID", m.id() + "@mailhog.example");
                    String[] at = m.to().split("@", 2);
                    i.putObject("From").put("Mailbox", "no-reply").put("Domain", "app.example.test").putNull("Relays").put("Params", "");
                    i.putArray("To").addObject().put("Mailbox", at[0]).put("Domain", at[1]).putNull("Relays").put("Params", "");
                    ObjectNode content = i.putObject("Content");
                    content.putObject("Headers").putArray("Subject").add("Your sign-in link");
                    content.put("Body", "(raw MIME body)");
                    content.put("Size", 1234);
                    i.put("Created", m.created().toString());
                    i.putNull("MIME");
                    i.putObject("Raw").put("From", "no-reply@app.example.test").put("Data", m.raw()).put("Helo", "app").putArray("To").add(m.to());
                }
                res.put("total", items.size()).put("count", items.size()).put("start", 0);
                TestHttpServer.send(x, 200, "application/json", JSON.writeValueAsString(res));
            } catch (Exception e) {
                TestHttpServer.send(x, 500, "text/plain", e.toString());
            }
        });
    }

    private StepResult run(Map<String, Object> mailbox, Object... more) throws Exception {
        Map<String, Object> p = new java.util.LinkedHashMap<>(Map.of("baseUrl", app.url(), "mailbox", mailbox, "mailTimeout", "20s"));
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return harness.run(p);
    }

    private void assertPassedWithoutLeaks(StepResult r) throws Exception {
        assertThat(r.report().checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASS));
        assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        String everything = harness.log.text() + Files.readString(Path.of(r.files().json())) + Files.readString(Path.of(r.files().html()))
                + Files.readString(Path.of(r.files().xml())) + r.toMap();
        for (String secret : app.issuedTokens()) {
            assertThat(everything).doesNotContain(secret);
        }
        for (String secret : app.issuedSessions()) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("stale-decoy");
    }

    @Test
    void mailpitTakesTheNewestMailForExactlyTheAddressSentAfterTheStart() throws Exception {
        mailpit();
        StepResult r = run(Map.of("type", "mailpit", "url", fake.url("/")));
        assertPassedWithoutLeaks(r);
        assertThat(fake.hits("/api/v1/message/gm-0")).isEqualTo(1);
    }

    @Test
    void mailhogDecodesTheRawMimeMessage() throws Exception {
        mailhog();
        StepResult r = run(Map.of("type", "mailhog", "url", fake.url("")));
        assertPassedWithoutLeaks(r);
        Check mail = PlanStepHarness.named(r.report(), "magic link email");
        assertThat(mail.evidence()).anySatisfy(e -> assertThat(e.text()).contains("Subject: Your sign-in link").contains("****").doesNotContain("token="));
    }

    @Test
    void imapReadsTheFolderOverRealImapWithTheCredential() throws Exception {
        greenMail.setUser("qa@example.test", "qa", "imap-pass-0451");
        harness.credentials.put("mail", new Credential.UsernamePassword("qa", "imap-pass-0451"));
        StepResult r = run(Map.of("type", "imap", "host", "127.0.0.1", "port", greenMail.getImap().getPort(), "security", "none",
                "credentialsId", "mail"), "email", "qa@example.test");
        assertPassedWithoutLeaks(r);
        assertThat(Files.readString(Path.of(r.files().json()))).doesNotContain("imap-pass-0451");
    }

    @Test
    void aWrongImapPasswordIsAnErrorThatNamesTheMailbox() throws Exception {
        greenMail.setUser("qa@example.test", "qa", "imap-pass-0451");
        harness.credentials.put("mail", new Credential.UsernamePassword("qa", "not-the-password"));
        StepResult r = run(Map.of("type", "imap", "host", "127.0.0.1", "port", greenMail.getImap().getPort(), "security", "none",
                "credentialsId", "mail"), "email", "qa@example.test", "mailTimeout", "1s");
        Check mail = PlanStepHarness.named(r.report(), "magic link email");
        assertThat(mail.status()).isEqualTo(Status.ERROR);
        assertThat(mail.message()).startsWith("imap qa@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX: ");
        assertThat(harness.log.text()).doesNotContain("not-the-password");
    }

    @Test
    void aMailboxThatAnswersSomethingElseIsAnErrorSayingWhat() throws Exception {
        fake.on("/api/v1/search", TestHttpServer.text(401, "unauthorised"));
        StepResult r = run(Map.of("type", "mailpit", "url", fake.url("/")), "mailTimeout", "1s");
        Check mail = PlanStepHarness.named(r.report(), "magic link email");
        assertThat(mail.status()).isEqualTo(Status.ERROR);
        assertThat(mail.message()).contains("GET /api/v1/search answered 401 (unauthorised); does the mailbox need credentialsId?");
    }

    @Test
    void aMailboxAnswerTooLargeToReadIsOneErrorSayingSoNotRetriedUntilTheTimeout() throws Exception {
        long size = 50L * 1024 * 1024;
        fake.on("/api/v1/search", TestHttpServer.huge(size));
        long started = System.nanoTime();
        StepResult r = run(Map.of("type", "mailpit", "url", fake.url("/")), "mailTimeout", "20s");
        Check mail = PlanStepHarness.named(r.report(), "magic link email");
        assertThat(mail.status()).isEqualTo(Status.ERROR);
        assertThat(mail.message()).contains("GET /api/v1/search answered " + size + " bytes, too large for a mailbox answer (at most 1048576 are read)")
                .contains("(1 polls").doesNotContain("did not answer JSON");
        assertThat(fake.hits("/api/v1/search")).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
}
