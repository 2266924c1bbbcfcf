package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** syncFiles in a real Pipeline: files written in the workspace reach the host over a real sshd, and the map reports them. */
@WithJenkins
class SyncFilesStepJenkinsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path host;

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

    @Test
    void syncsTheWorkspaceFolderAndReturnsTheCounts() throws Exception {
        Path to = host.resolve("srv/app");
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'app/compose.yaml', text: 'services: {}\\n'\n"
                + "def s = syncFiles host: 'local', from: 'app', to: '" + to + "', revision: 'r42'\n"
                + "echo \"added=${s.facts.filesAdded} status=${s.status}\" }", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.SUCCESS, p);
        r.assertLogContains("added=1 status=SUCCESS", b);
        assertThat(Files.readString(to.resolve("compose.yaml"))).isEqualTo("services: {}\n");
        assertThat(Files.readString(to.resolve("REVISION"))).isEqualTo("r42\n");
    }
}
