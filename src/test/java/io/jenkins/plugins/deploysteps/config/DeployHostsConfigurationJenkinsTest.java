package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Descriptor;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.Stapler;

/** Deploy hosts in a running Jenkins: the form round trip, the credentials permission gate, the list rules. */
@WithJenkins
class DeployHostsConfigurationJenkinsTest {
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(CredentialScopesJenkinsTest.sshKey(CredentialsScope.GLOBAL, "deploy-key"));
    }

    @Test
    void everyFieldSurvivesTheConfigurationForm() throws Exception {
        DeployHost bastion = new DeployHost("bastion", "203.0.113.1", "deploy-key");
        bastion.setHostKeyVerification("acceptFirst");
        bastion.setLearnedHostKey("203.0.113.1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
        DeployHost web = new DeployHost("web", "10.0.0.5", "deploy-key");
        web.setPort(2222);
        web.setUsername("root");
        web.setKnownHosts("[10.0.0.5]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
        web.setKnownHostsFile("/var/lib/jenkins/.ssh/known_hosts");
        web.setJumpHost("bastion");
        web.setSudo(true);
        web.setConnectTimeout("20s");
        web.setComposeCommand("docker compose");
        web.setNginxTestCommand("nginx -t");
        web.setNginxReloadCommand("systemctl reload nginx");
        DeployHostsConfiguration.get().setHosts(List.of(bastion, web));

        r.configRoundtrip();

        r.assertEqualDataBoundBeans(List.of(bastion, web), DeployHostsConfiguration.get().getHosts());
    }

    @Test
    void onlyAdministratorsSeeCredentialsInTheDropDown() {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        DeployHost.DescriptorImpl d = r.jenkins.getDescriptorByType(DeployHost.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems("current-id");
            assertThat(items).extracting(o -> o.value).containsExactly("current-id");
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems("");
            assertThat(items).extracting(o -> o.value).contains("deploy-key");
        }
    }

    @Test
    void duplicateNamesAndJumpHostCyclesAreRefused() {
        DeployHost a = new DeployHost("a", "a.example.com", "deploy-key");
        a.setJumpHost("b");
        DeployHost b = new DeployHost("b", "b.example.com", "deploy-key");
        b.setJumpHost("a");
        assertThatThrownBy(() -> DeployHostsConfiguration.get().setHosts(List.of(a, b))).hasMessageContaining("jump hosts form a cycle");
        assertThatThrownBy(() -> DeployHostsConfiguration.get().setHosts(List.of(new DeployHost("a", "x", "k"), new DeployHost("a", "y", "k"))))
                .hasMessageContaining("host name 'a' is used more than once");
        assertThat(DeployHostsConfiguration.get().getHosts()).isEmpty();
    }

    @Test
    void stepDefaultsTheStepsCannotUseAreRefusedOnSaveAndInTheForm() {
        DeployHost web = new DeployHost("web", "10.0.0.5", "deploy-key");
        web.setComposeCommand("compose-ng");
        assertThatThrownBy(() -> DeployHostsConfiguration.get().setHosts(List.of(web)))
                .hasMessage("Deploy hosts: host 'web': composeCommand: 'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'");
        assertThat(DeployHostsConfiguration.get().getHosts()).isEmpty();
        DeployHost.DescriptorImpl d = r.jenkins.getDescriptorByType(DeployHost.DescriptorImpl.class);
        assertThat(d.getField("composeCommand").check(null, "compose-ng", Map.of()).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(d.getField("nginxTestCommand").check(null, "nginx -t", Map.of()).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(d.getField("port").check(null, "70000", Map.of()).getMessage()).isEqualTo("70000 is not a TCP port (1 to 65535)");
        assertThat(d.getField("jumpHost")).isNull();
    }

    @Test
    void aKeyLearnedOnFirstUseIsStoredOnceAndOnlyForAcceptFirst() {
        DeployHost tofu = new DeployHost("tofu", "10.0.0.9", "deploy-key");
        tofu.setHostKeyVerification("acceptFirst");
        DeployHost strict = new DeployHost("strict", "10.0.0.8", "deploy-key");
        strict.setKnownHosts("10.0.0.8 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
        DeployHostsConfiguration.get().setHosts(List.of(tofu, strict));
        assertThat(DeployHostsConfiguration.get().rememberHostKey("tofu", "10.0.0.7 ssh-ed25519 KEY0")).as("an address it no longer has").isFalse();
        assertThat(DeployHostsConfiguration.get().rememberHostKey("tofu", "10.0.0.9 ssh-ed25519 KEY1")).isTrue();
        assertThat(DeployHostsConfiguration.get().rememberHostKey("tofu", "10.0.0.9 ssh-ed25519 KEY2")).isFalse();
        assertThat(DeployHostsConfiguration.get().rememberHostKey("strict", "10.0.0.8 ssh-ed25519 KEY3")).isFalse();
        assertThat(DeployHostsConfiguration.get().find("tofu").orElseThrow().getLearnedHostKey()).isEqualTo("10.0.0.9 ssh-ed25519 KEY1");
    }

    @Test
    void aRefusedFormKeepsTheHostsItHad() throws Throwable {
        DeployHostsConfiguration.get().setHosts(List.of(new DeployHost("web", "10.0.0.5", "deploy-key")));
        JSONObject form = JSONObject.fromObject(Map.of("hosts", List.of(
                Map.of("name", "a", "hostname", "x", "credentialsId", "deploy-key"),
                Map.of("name", "a", "hostname", "y", "credentialsId", "deploy-key"))));

        r.executeOnServer(() -> {
            assertThatThrownBy(() -> DeployHostsConfiguration.get().configure(Stapler.getCurrentRequest2(), form))
                    .isInstanceOf(Descriptor.FormException.class).hasMessageContaining("host name 'a' is used more than once");
            return null;
        });

        assertThat(DeployHostsConfiguration.get().getHosts()).extracting(DeployHost::getName).containsExactly("web");
    }

    @Test
    void aKeyLearnedWhileTheFormWasOpenSurvivesSavingIt() throws Exception {
        DeployHost tofu = new DeployHost("tofu", "10.0.0.9", "deploy-key");
        tofu.setHostKeyVerification("acceptFirst");
        DeployHostsConfiguration.get().setHosts(List.of(tofu));
        HtmlForm form = r.createWebClient().goTo("manage/configure").getFormByName("config");

        String learned = "10.0.0.9 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        assertThat(DeployHostsConfiguration.get().rememberHostKey("tofu", learned)).isTrue();
        r.submit(form);

        assertThat(DeployHostsConfiguration.get().find("tofu").orElseThrow().getLearnedHostKey()).isEqualTo(learned);
    }
}
