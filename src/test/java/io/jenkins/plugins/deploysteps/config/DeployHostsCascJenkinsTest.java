package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

/** The docs' JCasC example loads as written (docs/configuration.md shows the same YAML). */
@WithJenkinsConfiguredWithCode
class DeployHostsCascJenkinsTest {

    @Test
    @ConfiguredWithCode("deploy-hosts.yml")
    void loadsHostsFromYaml(JenkinsConfiguredWithCodeRule r) {
        DeployHostsConfiguration config = DeployHostsConfiguration.get();
        assertThat(config.getHosts()).extracting(DeployHost::getName).containsExactly("bastion", "prod-1");
        DeployHost prod = config.find("prod-1").orElseThrow();
        assertThat(prod.getHostname()).isEqualTo("10.0.0.5");
        assertThat(prod.getPort()).isEqualTo(22);
        assertThat(prod.getCredentialsId()).isEqualTo("deploy-ssh");
        assertThat(prod.getHostKeyVerification()).isEqualTo("strict");
        assertThat(prod.getKnownHosts()).startsWith("10.0.0.5 ssh-ed25519 AAAA");
        assertThat(prod.getJumpHost()).isEqualTo("bastion");
        assertThat(prod.isSudo()).isTrue();
        assertThat(prod.getNginxReloadCommand()).isEqualTo("systemctl reload nginx");
        assertThat(config.find("bastion").orElseThrow().getHostKeyVerification()).isEqualTo("acceptFirst");
    }

    @Test
    @ConfiguredWithCode("deploy-hosts.yml")
    void aKeyLearnedOnFirstUseSurvivesApplyingTheYamlAgain(JenkinsConfiguredWithCodeRule r) throws Exception {
        String learned = "203.0.113.1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        assertThat(DeployHostsConfiguration.get().rememberHostKey("bastion", learned)).isTrue();

        ConfigurationAsCode.get().configure(getClass().getResource("deploy-hosts.yml").toExternalForm());

        assertThat(DeployHostsConfiguration.get().find("bastion").orElseThrow().getLearnedHostKey()).isEqualTo(learned);
    }
}
