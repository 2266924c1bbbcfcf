package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.config.CredentialScopesJenkinsTest;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.jenkins.DeploymentVerificationAction;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps' forms in a running Jenkins: a host field names a configured host, a drop-down left at its first choice
 * writes nothing into the snippet, and a build's reports are shown to exactly those who may read its artifacts.
 */
@WithJenkins
class StepFormsJenkinsTest {
    /** The system property that turns core's Artifacts permission on (hudson.Functions.isArtifactsPermissionEnabled). */
    private static final String ARTIFACTS_PERMISSION = "hudson.security.ArtifactsPermission";

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(CredentialScopesJenkinsTest.sshKey(CredentialsScope.GLOBAL, "deploy-key"));
        DeployHostsConfiguration.get().setHosts(List.of(new DeployHost("prod-1", "10.0.0.5", "deploy-key")));
    }

    @Test
    void aHostFieldNamingNoConfiguredHostIsAnError() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        HostCheckStep.DescriptorImpl step = r.jenkins.getDescriptorByType(HostCheckStep.DescriptorImpl.class);
        HealthCheck.DescriptorImpl check = r.jenkins.getDescriptorByType(HealthCheck.DescriptorImpl.class);

        assertThat(step.getField("host").check(job, "prod-1", Map.of()).kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation unknown = step.getField("host").check(job, "prod-2", Map.of());
        assertThat(unknown.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(unknown.getMessage()).contains("prod-2");
        assertThat(check.getField("host").check(job, "prod-2", Map.of()).kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void dropDownsWithoutAJavaDefaultOfferTheEngineDefaultAsAnEmptyFirstChoice() {
        Map<String, ListBoxModel> dropDowns = Map.of(
                "hostCheck onFailure", r.jenkins.getDescriptorByType(HostCheckStep.DescriptorImpl.class).doFillOnFailureItems(),
                "nginxRoute state", r.jenkins.getDescriptorByType(NginxRouteStep.DescriptorImpl.class).doFillStateItems(),
                "syncFiles layout", r.jenkins.getDescriptorByType(SyncFilesStep.DescriptorImpl.class).doFillLayoutItems(),
                "composeDeploy strategy", r.jenkins.getDescriptorByType(ComposeDeployStep.DescriptorImpl.class).doFillStrategyItems(),
                "check method", r.jenkins.getDescriptorByType(HealthCheck.DescriptorImpl.class).doFillMethodItems(),
                "check severity", r.jenkins.getDescriptorByType(HealthCheck.DescriptorImpl.class).doFillSeverityItems(),
                "authenticated check method", r.jenkins.getDescriptorByType(AuthenticatedCheck.DescriptorImpl.class).doFillMethodItems(),
                "mailbox security", r.jenkins.getDescriptorByType(MagicLinkMailbox.DescriptorImpl.class).doFillSecurityItems());
        dropDowns.forEach((field, items) -> assertThat(items.get(0).value).as(field).isEmpty());
    }

    @Test
    void theFirstChoiceOfADropDownWritesNothingIntoTheSnippet() throws Exception {
        HostCheckStep hostCheck = new HostCheckStep("prod-1");
        hostCheck.setOnFailure(r.jenkins.getDescriptorByType(HostCheckStep.DescriptorImpl.class).doFillOnFailureItems().get(0).value);
        new SnippetizerTester(r).assertRoundTrip(hostCheck, "hostCheck 'prod-1'");

        NginxRouteStep route = new NginxRouteStep("prod-1", "/etc/nginx/sites-enabled/app", "/api/");
        route.setState(r.jenkins.getDescriptorByType(NginxRouteStep.DescriptorImpl.class).doFillStateItems().get(0).value);
        new SnippetizerTester(r).assertRoundTrip(route, "nginxRoute host: 'prod-1', location: '/api/', site: '/etc/nginx/sites-enabled/app'");
    }

    @Test
    void aReportAsksWhatTheBuildsArtifactsAsk() throws Exception {
        WorkflowRun b;
        try (TestHttpServer server = TestHttpServer.http()) {
            server.on("/health", TestHttpServer.json(200, "{\"status\":\"ok\"}"));
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "node { healthVerify checks: [[name: 'api', url: '" + server.url("/health") + "', expectStatus: 200]] }", true));
            b = r.buildAndAssertSuccess(p);
        }
        DeploymentVerificationAction action = b.getAction(DeploymentVerificationAction.class);
        assertThat(action.getEntries()).isNotEmpty();
        assertThat(action.getEntries().get(0).isArchived()).isTrue();
        String report = b.getUrl() + action.getUrlName() + "/report/" + action.getEntries().get(0).getHtml();
        String artifact = b.getUrl() + "artifact/" + action.getEntries().get(0).getHtml();

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("viewer")
                .grant(Jenkins.READ, Item.READ, Run.ARTIFACTS).everywhere().to("auditor"));

        // Jenkins' default: the Artifacts permission is off, and whoever may see a build sees its artifacts.
        assertThat(statusOf(artifact, "viewer")).isEqualTo(200);
        assertThat(statusOf(report, "viewer")).isEqualTo(200);
        System.setProperty(ARTIFACTS_PERMISSION, "true");
        try {
            assertThat(statusOf(artifact, "viewer")).isEqualTo(403);
            assertThat(statusOf(report, "viewer")).isEqualTo(403);
            assertThat(statusOf(artifact, "auditor")).isEqualTo(200);
            assertThat(statusOf(report, "auditor")).isEqualTo(200);
        } finally {
            System.clearProperty(ARTIFACTS_PERMISSION);
        }
    }

    private int statusOf(String url, String user) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login(user);
            return wc.goTo(url, null).getWebResponse().getStatusCode();
        }
    }
}
