package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * magicLinkAuthCheck through the shipped CLI jar, reading the mail over IMAP: Jakarta Mail finds its IMAP provider
 * inside the shaded jar (service files merged), and the login comes from the environment.
 */
class MagicLinkCliIT {
    @TempDir
    Path dir;

    @Test
    void theFlowThroughTheJarWithAnImapMailbox() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        try (MagicLinkApp app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", mail.getSmtp().getPort()))) {
            mail.setUser("qa@example.test", "qa", "jar-imap-password");
            Path plan = Files.writeString(dir.resolve("plan.yaml"), "credentials:\n  imap: {username: qa, passwordEnv: IMAP_PASSWORD}\nsteps:\n"
                    + "  - magicLinkAuthCheck:\n      baseUrl: '" + app.url() + "'\n      email: qa@example.test\n      mailTimeout: 20s\n"
                    + "      mailbox: {type: imap, host: 127.0.0.1, port: " + mail.getImap().getPort() + ", security: none, credentialsId: imap}\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-jar", System.getProperty("deploysteps.cliJar",
                    "offline/deploy-steps/target/deploy-steps-cli.jar"), "run", plan.toString(), "--report-dir", dir.resolve("reports").toString()))
                    .redirectErrorStream(true);
            pb.environment().putAll(Map.of("IMAP_PASSWORD", "jar-imap-password"));
            Process p = pb.start();
            String output;
            try (var in = p.getInputStream()) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("the CLI did not finish within 60s");
                }
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("[PASS] magic link email").contains("[PASS] used token rejected on second use")
                    .doesNotContain("jar-imap-password");
            for (String token : app.issuedTokens()) {
                assertThat(output).doesNotContain(token);
            }
        } finally {
            mail.stop();
        }
    }
}
