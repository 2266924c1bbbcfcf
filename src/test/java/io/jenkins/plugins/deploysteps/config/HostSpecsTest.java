package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Deploy hosts entries become the engine's plain host values: credentials, key policy, jump chain, defaults. */
class HostSpecsTest {
    private final Map<String, HostSpec.Login> logins = Map.of(
            "cred-web", new HostSpec.Login("deploy", new SshCredentials.PrivateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nx\n", null)),
            "cred-bastion", new HostSpec.Login("jump", new SshCredentials.Password("bastion-pw")));

    private HostSpecs specs(DeployHost... hosts) {
        Function<String, Optional<DeployHost>> find = n -> List.of(hosts).stream().filter(h -> h.getName().equals(n)).findFirst();
        return new HostSpecs(find, logins::get);
    }

    @Test
    void everySettingReachesTheSpec() {
        DeployHost web = new DeployHost("web", "10.0.0.5", "cred-web");
        web.setPort(2222);
        web.setKnownHosts("web ssh-ed25519 AAAA");
        web.setKnownHostsFile("/etc/ssh/ssh_known_hosts");
        web.setJumpHost("bastion");
        web.setSudo(true);
        web.setConnectTimeout("5s");
        web.setComposeCommand("docker compose");
        web.setNginxTestCommand("nginx -t");
        web.setNginxReloadCommand("systemctl reload nginx");
        DeployHost bastion = new DeployHost("bastion", "203.0.113.1", "cred-bastion");
        bastion.setHostKeyVerification("acceptFirst");
        bastion.setLearnedHostKey("203.0.113.1 ssh-ed25519 BBBB");

        HostSpec spec = specs(web, bastion).resolve("host", "web");
        assertThat(spec.address()).isEqualTo("deploy@10.0.0.5:2222");
        assertThat(spec.login().credentials()).isInstanceOf(SshCredentials.PrivateKey.class);
        assertThat(spec.hostKeys().mode()).isEqualTo(HostKeyMode.STRICT);
        assertThat(spec.hostKeys().knownHosts()).containsExactly("web ssh-ed25519 AAAA");
        assertThat(spec.hostKeys().knownHostsFile()).isEqualTo("/etc/ssh/ssh_known_hosts");
        assertThat(spec.sudo()).isTrue();
        assertThat(spec.timing().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.stepDefaults()).isEqualTo(new HostStepDefaults("docker compose", List.of("nginx", "-t"), List.of("systemctl", "reload", "nginx")));
        assertThat(spec.jumpHost().address()).isEqualTo("jump@203.0.113.1:22");
        assertThat(spec.jumpHost().hostKeys().mode()).isEqualTo(HostKeyMode.ACCEPT_FIRST);
        assertThat(spec.jumpHost().hostKeys().knownHosts()).containsExactly("203.0.113.1 ssh-ed25519 BBBB");
        assertThat(spec.secrets()).contains("bastion-pw");
    }

    @Test
    void theUsernameOverridesTheCredentialsUser() {
        DeployHost web = new DeployHost("web", "10.0.0.5", "cred-web");
        web.setUsername("root");
        assertThat(specs(web).resolve("host", "web").login().user()).isEqualTo("root");
    }

    @Test
    void unknownHostsMissingCredentialsAndCyclesAreNamed() {
        assertThatThrownBy(() -> specs().resolve("host", "prod-9")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("host: unknown host 'prod-9'");
        assertThatThrownBy(() -> specs(new DeployHost("web", "10.0.0.5", "cred-gone")).resolve("host", "web"))
                .hasMessageStartingWith("host: host 'web': no SSH credential 'cred-gone' that this job may use");
        DeployHost a = new DeployHost("a", "a.example.com", "cred-web");
        a.setJumpHost("b");
        DeployHost b = new DeployHost("b", "b.example.com", "cred-web");
        b.setJumpHost("a");
        assertThatThrownBy(() -> specs(a, b).resolve("host", "a")).hasMessage("host: jump hosts form a cycle: a -> b -> a");
    }

    @Test
    void aStepDefaultTheStepsCannotUseIsRefusedBeforeAnythingConnects() {
        DeployHost web = new DeployHost("web", "10.0.0.5", "cred-web");
        web.setComposeCommand("compose-ng");
        assertThatThrownBy(() -> specs(web).resolve("host", "web")).isInstanceOf(SpecException.class)
                .hasMessage("host: host 'web': composeCommand: 'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'");
    }

    @Test
    void aJumpHostThatLeadsBackIsACycleEvenWhenTheEntryIsNotSavedYet() {
        DeployHost a = via("a", "b");
        DeployHost b = via("b", "c");
        assertThatThrownBy(() -> specs(a, b, via("c", "b")).resolve("host", "a")).hasMessage("host: jump hosts form a cycle: a -> b -> c -> b");
        assertThatThrownBy(() -> specs(a, b).toSpec(via("c", "a"))).as("c is not saved yet")
                .hasMessage("host: jump hosts form a cycle: c -> a -> b -> c");
        assertThatThrownBy(() -> specs(a, b).toSpec(via("d", "ghost"))).hasMessage("host: host 'd': jump host 'ghost' is not configured");
    }

    private static DeployHost via(String name, String jump) {
        DeployHost h = new DeployHost(name, name + ".example.com", "cred-web");
        h.setJumpHost(jump);
        return h;
    }

    @Test
    void anUnknownVerificationModeIsRefused() {
        DeployHost web = new DeployHost("web", "10.0.0.5", "cred-web");
        web.setHostKeyVerification("trustme");
        assertThatThrownBy(() -> specs(web).resolve("host", "web")).isInstanceOf(SpecException.class)
                .hasMessageContaining("hostKeyVerification 'trustme' is not one of strict, acceptFirst, off");
    }
}
