package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.jenkins.DeploymentVerificationAction;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** hostCheck in a real Pipeline against a real sshd (skipped where no sshd can start). */
@WithJenkins
class HostCheckStepJenkinsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

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
        DeployHostsConfiguration.get().setHosts(List.of(local));
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void checksARealHostAndReturnsAMapTheSandboxCanRead() throws Exception {
        WorkflowRun b = run("node { def r = hostCheck host: 'local', minFreeDisk: '1MB', requireCommands: ['sh']\n"
                + "echo \"status=${r.status} first=${r.checks[0].name} html=${r.reports.html}\" }", Result.SUCCESS);
        r.assertLogContains("[PASS] connect to local", b);
        r.assertLogContains("status=SUCCESS first=connect to local html=deploy-reports/hostCheck.html", b);
        assertThat(b.getArtifactManager().root().child("deploy-reports").child("hostCheck.html").exists()).isTrue();
        DeploymentVerificationAction action = b.getAction(DeploymentVerificationAction.class);
        assertThat(action.getEntries()).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo("SUCCESS");
            assertThat(e.getHtml()).isEqualTo("deploy-reports/hostCheck.html");
        });
        r.createWebClient().goTo(b.getUrl() + "deployment-verification/");
    }

    @Test
    void aWarningLevelFailureMarksTheBuildAndTheStageUnstable() throws Exception {
        WorkflowRun b = run("stage('preflight') { node { hostCheck host: 'local', minFreeMemory: '1000TB', onFailure: 'UNSTABLE' } }",
                Result.UNSTABLE);
        FlowNode warned = new DepthFirstScanner().findFirstMatch(b.getExecution(), n -> n.getPersistentAction(WarningAction.class) != null);
        assertThat(warned).isNotNull();
        assertThat(warned.getDisplayFunctionName()).isEqualTo("hostCheck");
        assertThat(warned.getPersistentAction(WarningAction.class).getResult()).isEqualTo(Result.UNSTABLE);
        r.assertLogContains("WARNING: hostCheck 'hostCheck' on local: 1 check failed: available memory", b);
    }

    @Test
    void aFailedCheckFailsWithOneLineAndNoStackTraceAfterArchiving() throws Exception {
        WorkflowRun b = run("node { hostCheck host: 'local', minFreeMemory: '1000TB' }", Result.FAILURE);
        r.assertLogContains("ERROR: hostCheck 'hostCheck' on local: 1 check failed: available memory", b);
        r.assertLogNotContains("\tat ", b);
        assertThat(b.getArtifactManager().root().child("deploy-reports").child("hostCheck.json").exists()).isTrue();
    }

    @Test
    void badInputFailsBeforeAnyConnection() throws Exception {
        WorkflowRun b = run("node { hostCheck host: 'nowhere' }", Result.FAILURE);
        r.assertLogContains("ERROR: hostCheck: host: unknown host 'nowhere'", b);
        r.assertLogNotContains("connected to", b);
        WorkflowRun c = run("node { hostCheck host: 'local', minFreeDisk: 'lots' }", Result.FAILURE);
        r.assertLogContains("ERROR: hostCheck: minFreeDisk: 'lots' is not a size", c);
    }

    @Test
    void aWithCredentialsSecretPassedAsAParameterIsMaskedInTheArchivedReports() throws Exception {
        String secret = "api-key-bound-by-withCredentials";
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "api-key", "test",
                Secret.fromString(secret)));
        SystemCredentialsProvider.getInstance().save();
        // df names the missing path in its error, so the value reaches the command output, the check and the report.
        WorkflowRun b = run("node { withCredentials([string(credentialsId: 'api-key', variable: 'KEY')]) {\n"
                + "hostCheck host: 'local', paths: ['/', '/nonexistent/' + KEY], reportName: 'bound' } }", Result.FAILURE);
        r.assertLogNotContains(secret, b);
        for (String ext : List.of("html", "json", "xml")) {
            try (java.io.InputStream in = b.getArtifactManager().root().child("deploy-reports").child("bound." + ext).open()) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(ext).contains("/nonexistent/****")
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void snippetGeneratorRoundTrip() throws Exception {
        HostCheckStep step = new HostCheckStep("prod-1");
        step.setMinFreeDisk("2GB");
        step.setMaxLoad(4.0);
        step.setPaths(List.of("/", "/var/lib/docker"));
        step.setRequireCommands(List.of("docker"));
        new SnippetizerTester(r).assertRoundTrip(step,
                "hostCheck host: 'prod-1', maxLoad: 4.0, minFreeDisk: '2GB', paths: ['/', '/var/lib/docker'], requireCommands: ['docker']");
        new SnippetizerTester(r).assertRoundTrip(new HostCheckStep("prod-1"), "hostCheck 'prod-1'");
    }

    @Test
    void runsOnAnAgentAndStreamsTheBuildLogBack() throws Exception {
        // An agent in its own JVM: the callable, the TaskListener and the bundled libraries cross the remoting channel.
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = run("node('remote') { def res = hostCheck host: 'local', minFreeDisk: '1MB'\n echo \"status=${res.status}\" }", Result.SUCCESS);
        r.assertLogContains("[PASS] connect to local", b);
        r.assertLogContains("status=SUCCESS", b);
        assertThat(b.getArtifactManager().root().child("deploy-reports").child("hostCheck.html").exists()).isTrue();
    }
}
