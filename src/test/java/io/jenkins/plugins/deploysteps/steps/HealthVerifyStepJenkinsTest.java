package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** healthVerify in a real Pipeline against a real HTTP server on 127.0.0.1. */
@WithJenkins
class HealthVerifyStepJenkinsTest {
    private JenkinsRule r;
    private final TestHttpServer server = TestHttpServer.http();

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "api-token", "test",
                Secret.fromString("s3cret-api-token")));
        SystemCredentialsProvider.getInstance().save();
        server.on("/health", TestHttpServer.json(200, "{\"status\":\"ok\"}"));
        server.on("/echo", x -> TestHttpServer.send(x, 200, "text/plain", "got " + x.getRequestHeaders().getFirst("Authorization")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void checksFromAJenkinsfileWithGroovyValuesAndACredential() throws Exception {
        WorkflowRun b = run("node { def r = healthVerify checks: [\n"
                + "  [name: 'api', url: '" + server.url("/health") + "', expectStatus: 200, expectJson: ['$.status': 'ok']],\n"
                + "  [name: 'auth', url: '" + server.url("/echo") + "', credentialsId: 'api-token', expectBodyContains: 'got Bearer']]\n"
                + "echo \"status=${r.status} first=${r.checks[0].name} attempts=${r.checks[0].attempts}\" }", Result.SUCCESS);
        r.assertLogContains("status=SUCCESS first=api attempts=1", b);
        r.assertLogNotContains("s3cret-api-token", b);
        assertThat(b.getArtifactManager().root().child("deploy-reports").child("healthVerify.json").exists()).isTrue();
    }

    @Test
    void aFailedCheckFailsTheStepAndBadInputFailsBeforeAnyRequest() throws Exception {
        WorkflowRun b = run("node { healthVerify url: '" + server.url("/missing") + "' }", Result.FAILURE);
        r.assertLogContains("1 check failed", b);
        WorkflowRun c = run("node { healthVerify checks: [[url: '" + server.url("/health") + "', expectJsn: ['$.a': 1]]] }", Result.FAILURE);
        r.assertLogContains("expectJsn: unknown parameter (did you mean 'expectJson'?)", c);
        assertThat(server.hits("/health")).isZero();
    }

    @Test
    void snippetGeneratorRoundTrip() throws Exception {
        HealthCheck api = new HealthCheck();
        api.setName("api");
        api.setUrl("https://app.example.com/health");
        api.setExpectJson(Map.of("$.status", "ok"));
        TlsCertificates tls = new TlsCertificates();
        tls.setWarnDays(21);
        HealthVerifyStep step = new HealthVerifyStep();
        step.setChecks(List.of(api));
        step.setWaitTimeout("2m");
        step.setTls(tls);
        new SnippetizerTester(r).assertRoundTrip(step,
                "healthVerify checks: [[expectJson: ['$.status': 'ok'], name: 'api', url: 'https://app.example.com/health']], tls: [warnDays: 21], waitTimeout: '2m'");
    }
}
