package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** composeDeploy and composeRollback in a real Pipeline against the real local target (skipped where it cannot start). */
@WithJenkins
class ComposeDeployStepJenkinsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    @TempDir
    Path tmp;

    private JenkinsRule r;

    @BeforeEach
    void configureHost(JenkinsRule rule) throws Exception {
        r = rule;
        LocalTarget t = TARGET.get();
        SystemCredentialsProvider.getInstance().getCredentials().add(new BasicSSHUserPrivateKey(CredentialsScope.GLOBAL, "deploy-key",
                t.sshUser(), new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(LocalTarget.read(t.sshKey())), null, "test key"));
        SystemCredentialsProvider.getInstance().save();
        DeployHost local = new DeployHost("local", "127.0.0.1", "deploy-key");
        local.setPort(t.sshPort());
        local.setKnownHosts(String.join("\n", t.knownHosts()));
        local.setComposeCommand("docker-compose");
        DeployHostsConfiguration.get().setHosts(List.of(local));
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void aDryRunUsesTheHostsComposeCommandAndReturnsAMapTheSandboxCanRead() throws Exception {
        try (ComposeApp app = ComposeApp.create(TARGET.get(), tmp)) {
            WorkflowRun b = run("node { def r = composeDeploy host: 'local', dir: '" + app.dir() + "', project: '" + app.project()
                    + "', requiredEnv: ['DATABASE_URL'], dryRun: true\n"
                    + "echo \"status=${r.status} command=${r.facts['compose command']} html=${r.reports.html}\" }", Result.SUCCESS);
            r.assertLogContains("status=SUCCESS command=docker-compose html=deploy-reports/composeDeploy.html", b);
            r.assertLogContains("] $ cd " + app.dir() + " && docker-compose -p " + app.project(), b);
            r.assertLogNotContains("db-pw-7731", b);
            assertThat(app.containerIds()).isEmpty();
        }
    }

    @Test
    void badInputFailsBeforeAnyConnection() throws Exception {
        WorkflowRun b = run("node { composeDeploy host: 'local', dir: 'relative/path' }", Result.FAILURE);
        r.assertLogContains("ERROR: composeDeploy: dir: 'relative/path' must be an absolute path", b);
        r.assertLogNotContains("connected to", b);
        WorkflowRun c = run("node { composeRollback host: 'local', dir: '/srv/app', backup: 'yesterday' }", Result.FAILURE);
        r.assertLogContains("ERROR: composeRollback: backup: 'yesterday' is neither 'latest' nor a backup id", c);
    }

    @Test
    void snippetGeneratorRoundTripAndGraphLabel() throws Exception {
        ComposeDeployStep deploy = new ComposeDeployStep("prod-1", "/app/backend");
        deploy.setServices(List.of("api"));
        deploy.setRequiredEnv(List.of("DATABASE_URL", "JWT_SECRET"));
        deploy.setWaitTimeout("2m");
        new SnippetizerTester(r).assertRoundTrip(deploy,
                "composeDeploy dir: '/app/backend', host: 'prod-1', requiredEnv: ['DATABASE_URL', 'JWT_SECRET'], services: ['api'], waitTimeout: '2m'");
        ComposeRollbackStep rollback = new ComposeRollbackStep("prod-1", "/app/backend");
        rollback.setBackup("latest");
        new SnippetizerTester(r).assertRoundTrip(rollback, "composeRollback backup: 'latest', dir: '/app/backend', host: 'prod-1'");
        assertThat(r.jenkins.getDescriptorByType(ComposeDeployStep.DescriptorImpl.class)
                .argumentsToString(Map.of("host", "prod-1", "dir", "/app/backend", "requiredEnv", List.of("X")))).isEqualTo("prod-1 /app/backend");
    }

    /**
     * The new copy's magic-link check is a MagicLinkAuthCheckStep written as a map, never as a call of the magicLinkAuthCheck step
     * (which would run it): its symbol is a step's. Its report settings, left at a new step's values, are not written; given, they
     * are refused.
     */
    @Test
    void theMagicLinkCheckOfTheNewCopyRoundTripsAsAMapAndRefusesReportSettings() throws Exception {
        ComposeDeployStep deploy = new ComposeDeployStep("prod-1", "/app/backend");
        deploy.setStrategy("blue-green");
        deploy.setRoutes(List.of(new BlueGreenRoute("backend", "/etc/nginx/sites-enabled/app")));
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("maildev");
        mailbox.setUrl("http://127.0.0.1:1080");
        MagicLinkAuthCheckStep login = new MagicLinkAuthCheckStep("http://127.0.0.1:3000");
        login.setMailbox(mailbox);
        login.setExpectSendStatus("202");
        deploy.setVerifyMagicLink(login);
        new SnippetizerTester(r).assertRoundTrip(deploy, "composeDeploy dir: '/app/backend', host: 'prod-1', routes: [[service: 'backend', "
                + "site: '/etc/nginx/sites-enabled/app']], strategy: 'blue-green', verifyMagicLink: [baseUrl: 'http://127.0.0.1:3000', "
                + "expectSendStatus: '202', mailbox: [type: 'maildev', url: 'http://127.0.0.1:1080']]");
        WorkflowRun b = run("node { composeDeploy host: 'local', dir: '/srv/app', strategy: 'blue-green', routes: [[service: 'web', site: '/etc/nginx/x']], "
                + "verifyMagicLink: [baseUrl: 'http://127.0.0.1:3000', mailbox: [type: 'maildev', url: 'http://127.0.0.1:1080'], reportName: 'login'] }",
                Result.FAILURE);
        r.assertLogContains("verifyMagicLink.reportName: unknown parameter", b);
        r.assertLogNotContains("connected to", b);
    }
}
