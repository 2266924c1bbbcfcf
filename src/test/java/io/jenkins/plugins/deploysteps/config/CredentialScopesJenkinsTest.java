package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.deploysteps.steps.HealthCheck;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A SYSTEM-scoped credential is for Jenkins itself: no build can use it, so no drop-down offers it and Test connection
 * refuses it. A job's drop-down lists what the job's builds will find.
 */
@WithJenkins
public class CredentialScopesJenkinsTest {
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(sshKey(CredentialsScope.SYSTEM, "system-key"));
        store.getCredentials().add(sshKey(CredentialsScope.GLOBAL, "global-key"));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.SYSTEM, "system-token", "test", Secret.fromString("s1")));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "global-token", "test", Secret.fromString("g1")));
        store.save();
    }

    /** An SSH credential for forms and lookups; its key is never parsed by these tests. */
    public static BasicSSHUserPrivateKey sshKey(CredentialsScope scope, String id) {
        return new BasicSSHUserPrivateKey(scope, id, "deploy", new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource("not a real key"),
                null, "test key");
    }

    @Test
    void theDeployHostsFormOffersNoSystemScopedCredential() {
        DeployHost.DescriptorImpl d = r.jenkins.getDescriptorByType(DeployHost.DescriptorImpl.class);

        ListBoxModel items = d.doFillCredentialsIdItems("");

        assertThat(items).extracting(o -> o.value).contains("global-key").doesNotContain("system-key");
    }

    @Test
    void testConnectionRefusesASystemScopedCredentialBeforeConnecting() {
        DeployHost.DescriptorImpl d = r.jenkins.getDescriptorByType(DeployHost.DescriptorImpl.class);

        // 192.0.2.1 (TEST-NET-1) answers nothing: a connection attempt would time out instead of naming the credential.
        FormValidation result = d.doTestConnection("web", "192.0.2.1", "22", "system-key", null, "acceptFirst", null, null, null, null, "5s");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains("system-key").contains("may use");
    }

    @Test
    void aJobsStepListsWhatItsBuildsCanUse() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        HealthCheck.DescriptorImpl d = r.jenkins.getDescriptorByType(HealthCheck.DescriptorImpl.class);

        ListBoxModel items = d.doFillCredentialsIdItems(job, "");

        assertThat(items).extracting(o -> o.value).contains("global-token").doesNotContain("system-token", "system-key", "global-key");
    }

    @Test
    void outsideAJobTheStepListsWhatNoBuildIsDeniedEither() {
        HealthCheck.DescriptorImpl d = r.jenkins.getDescriptorByType(HealthCheck.DescriptorImpl.class);

        ListBoxModel items = d.doFillCredentialsIdItems(null, "");

        assertThat(items).extracting(o -> o.value).contains("global-token").doesNotContain("system-token");
    }
}
