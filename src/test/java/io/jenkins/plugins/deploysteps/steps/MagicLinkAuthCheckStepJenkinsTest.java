package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** magicLinkAuthCheck in a real Pipeline: the test app mails through GreenMail, the step reads it over IMAP with a Jenkins credential. */
@WithJenkins
class MagicLinkAuthCheckStepJenkinsTest {
    private JenkinsRule r;
    private GreenMail mail;
    private MagicLinkApp app;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        mail.setUser("qa@example.test", "qa", "imap-s3cret");
        app = new MagicLinkApp(MagicLinkApp.Settings.of("127.0.0.1", mail.getSmtp().getPort()));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "imap", "test", "qa",
                "imap-s3cret"));
        SystemCredentialsProvider.getInstance().save();
    }

    @AfterEach
    void stop() {
        app.close();
        mail.stop();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void theFlowFromAJenkinsfileWithAnImapCredential() throws Exception {
        WorkflowRun b = run("node { def r = magicLinkAuthCheck baseUrl: '" + app.url() + "', email: 'qa@example.test',\n"
                + "  mailbox: [type: 'imap', host: '127.0.0.1', port: " + mail.getImap().getPort() + ", security: 'none', credentialsId: 'imap'],\n"
                + "  authenticatedChecks: [[path: '/api/user/profile', expectJson: ['$.email': '${email}']],\n"
                + "                        [path: '/api/chat', method: 'POST', body: '{\"message\":\"test\"}', auth: 'bodyField:sessionToken', expectStatus: 200]]\n"
                + "echo \"status=${r.status} checks=${r.checks.size()}\" }", Result.SUCCESS);
        r.assertLogContains("status=SUCCESS checks=", b);
        r.assertLogNotContains("imap-s3cret", b);
        for (String token : app.issuedTokens()) {
            r.assertLogNotContains(token, b);
        }
        assertThat(b.getArtifactManager().root().child("deploy-reports").child("magicLinkAuthCheck.json").exists()).isTrue();
    }

    @Test
    void badInputFailsBeforeAnyRequest() throws Exception {
        WorkflowRun b = run("node { magicLinkAuthCheck baseUrl: '" + app.url() + "', mailbox: [type: 'maildev', url: 'http://127.0.0.1:1/'],\n"
                + "  authenticatedChecks: [[path: '/api/user/profile', auht: 'bearer']] }", Result.FAILURE);
        r.assertLogContains("auht: unknown parameter (did you mean 'auth'?)", b);
        assertThat(app.issuedTokens()).isEmpty();
    }

    @Test
    void snippetGeneratorRoundTrip() throws Exception {
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("mailpit");
        mailbox.setUrl("http://mail.internal:8025");
        AuthenticatedCheck profile = new AuthenticatedCheck();
        profile.setPath("/api/user/profile");
        profile.setExpectJson(Map.of("$.email", "${email}"));
        MagicLinkAuthCheckStep step = new MagicLinkAuthCheckStep("https://app.example.com");
        step.setMailbox(mailbox);
        step.setAuthenticatedChecks(List.of(profile));
        new SnippetizerTester(r).assertRoundTrip(step, "magicLinkAuthCheck baseUrl: 'https://app.example.com', authenticatedChecks: [[expectJson: "
                + "['$.email': '${email}'], path: '/api/user/profile']], mailbox: [type: 'mailpit', url: 'http://mail.internal:8025']");
    }

    @Test
    void everyStatusFieldTakesANumberTextOrAListAsAJenkinsfileGivesThem() throws Exception {
        MagicLinkAuthCheckStep step = DescribableModel.of(MagicLinkAuthCheckStep.class).instantiate(Map.of("baseUrl", "https://app.example.com",
                "expectSendStatus", 202, "expectVerifyStatus", List.of(200, 302), "expectInvalidStatus", "4xx", "expectNoSessionStatus", "401",
                "rateLimit", Map.of("requests", 10, "expectStatus", 429)), TaskListener.NULL);

        assertThat(step.getExpectSendStatus()).isEqualTo("202");
        assertThat(step.getExpectVerifyStatus()).isEqualTo("200, 302");
        assertThat(step.getExpectInvalidStatus()).isEqualTo("4xx");
        assertThat(step.getExpectNoSessionStatus()).isEqualTo("401");
        assertThat(step.getRateLimit().getExpectStatus()).isEqualTo("429");
    }
}
