package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** nginxRoute in a real Pipeline against the real local target's nginx, with the host's nginx commands from Deploy hosts. */
@WithJenkins
class NginxRouteStepJenkinsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

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
        local.setNginxTestCommand(t.get("NGINX_TEST_CMD"));
        local.setNginxReloadCommand(t.get("NGINX_RELOAD_CMD"));
        DeployHostsConfiguration.get().setHosts(List.of(local));
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void aRouteIsAddedThroughTheHostsNginxCommandsAndTheResultIsAMapTheSandboxCanRead() throws Exception {
        try (NginxSite site = NginxSite.withServer(TARGET.get(), "jenkins-" + System.nanoTime(), "    location /old/ { return 200 \"old\\n\"; }\n")) {
            WorkflowRun b = run("node { def r = nginxRoute host: 'local', site: '" + site.file() + "', location: '/probe/', proxyPass: "
                    + "'http://127.0.0.1:" + site.port() + "/old/', verifyUrl: '" + site.url("/probe/") + "', expectStatus: 200\n"
                    + "echo \"status=${r.status} change=${r.facts.change} html=${r.reports.html}\" }", Result.SUCCESS);
            r.assertLogContains("status=SUCCESS change=added html=deploy-reports/nginxRoute.html", b);
            assertThat(site.awaitBody("/probe/", "old\n").body()).isEqualTo("old\n");
        }
    }

    @Test
    void badInputFailsBeforeAnyConnection() throws Exception {
        WorkflowRun b = run("node { nginxRoute host: 'local', site: '/etc/nginx/sites-enabled/app', location: '/api/;evil', "
                + "proxyPass: 'http://127.0.0.1:3000' }", Result.FAILURE);
        r.assertLogContains("ERROR: nginxRoute: location: '/api/;evil' contains ';'", b);
        r.assertLogNotContains("connect to local", b);
    }

    @Test
    void snippetGeneratorRoundTripAndGraphLabel() throws Exception {
        NginxRouteStep step = new NginxRouteStep("prod-1", "/etc/nginx/sites-enabled/app", "/api/new-feature/");
        step.setProxyPass("http://localhost:3000/");
        step.setVerifyUrl("https://app.example.com/api/new-feature/health");
        new SnippetizerTester(r).assertRoundTrip(step, "nginxRoute host: 'prod-1', location: '/api/new-feature/', proxyPass: "
                + "'http://localhost:3000/', site: '/etc/nginx/sites-enabled/app', verifyUrl: 'https://app.example.com/api/new-feature/health'");
        assertThat(r.jenkins.getDescriptorByType(NginxRouteStep.DescriptorImpl.class)
                .argumentsToString(Map.of("host", "prod-1", "location", "/api/"))).isEqualTo("prod-1 /api/");
    }
}
