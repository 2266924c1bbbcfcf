package io.jenkins.plugins.deploysteps.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host rules both front ends apply, and the host value built from named parts. */
class HostRulesTest {
    private static final SshCredentials KEY = new SshCredentials.Password("pw");

    @Test
    void namesAddressesPortsAndUsers() {
        assertThat(HostRules.nameProblem("prod-1")).isEmpty();
        assertThat(HostRules.nameProblem("prod 1")).contains("'prod 1' is not a host name: use letters, digits, '.', '-' and '_', no spaces");
        assertThat(HostRules.hostnameProblem("10.0.0.5")).isEmpty();
        assertThat(HostRules.hostnameProblem("bad host")).contains("'bad host' is not a host name or IP address");
        assertThat(HostRules.portProblem(0)).contains("0 is not a TCP port (1 to 65535)");
        assertThat(HostRules.userProblem("deploy")).isEmpty();
        assertThat(HostRules.userProblem("de ploy")).contains("'de ploy' is not a user name");
    }

    @Test
    void theKnownHostsNameCarriesAPortOtherThan22() {
        assertThat(HostRules.knownHostsName("web", 22)).isEqualTo("web");
        assertThat(HostRules.knownHostsName("web", 2222)).isEqualTo("[web]:2222");
        assertThat(HostSpec.builder("w", "10.0.0.5").port(2200).login("deploy", KEY).build().knownHostsName()).isEqualTo("[10.0.0.5]:2200");
    }

    @Test
    void strictVerificationWithoutKeysLacksKeysAndTheOtherModesDoNot() {
        assertThat(HostRules.lacksKeys(HostKeyMode.STRICT, List.of(), null)).isTrue();
        assertThat(HostRules.lacksKeys(HostKeyMode.STRICT, List.of(" "), " ")).isTrue();
        assertThat(HostRules.lacksKeys(HostKeyMode.STRICT, List.of("web ssh-ed25519 AAAA"), null)).isFalse();
        assertThat(HostRules.lacksKeys(HostKeyMode.STRICT, null, "/etc/ssh/ssh_known_hosts")).isFalse();
        assertThat(HostRules.lacksKeys(HostKeyMode.ACCEPT_FIRST, List.of(), null)).isFalse();
        assertThat(HostRules.lacksKeys(null, List.of(), null)).isFalse();
    }

    @Test
    void repeatedNamesAndJumpCycles() {
        assertThat(HostRules.repeatedNames(List.of("a", "b", "a", "a", "c"))).containsExactly("a");
        Map<String, String> jumps = Map.of("a", "b", "b", "c", "c", "b", "x", "y");
        assertThat(HostRules.jumpCycle("a", jumps::get)).hasValue(List.of("a", "b", "c", "b"));
        assertThat(HostRules.jumpCycle("x", jumps::get)).as("y names no jump host").isEmpty();
        assertThat(HostRules.jumpCycle("self", n -> "self")).hasValue(List.of("self", "self"));
        assertThat(HostRules.chain(List.of("a", "b", "a"))).isEqualTo("a -> b -> a");
        assertThat(HostRules.cycleProblem(List.of("a", "b", "a"))).isEqualTo("jump hosts form a cycle: a -> b -> a");
        assertThat(HostRules.unknownHost("ghost")).isEqualTo("unknown host 'ghost'");
        assertThat(HostRules.jumpHostNotConfigured("a", "ghost")).isEqualTo("host 'a': jump host 'ghost' is not configured");
    }

    @Test
    void aHostIsBuiltFromNamedPartsWithDefaultsForWhatIsLeftOut() {
        HostSpec plain = HostSpec.builder("web", "10.0.0.5").login("deploy", KEY).build();
        assertThat(plain.endpoint()).isEqualTo(new HostSpec.Endpoint("10.0.0.5", 22));
        assertThat(plain.hostKeys().mode()).isEqualTo(HostKeyMode.STRICT);
        assertThat(plain.timing()).isEqualTo(HostSpec.Timing.DEFAULT);
        assertThat(plain.stepDefaults()).isEqualTo(HostStepDefaults.NONE);
        assertThat(plain.sudo()).isFalse();
        HostSpec changed = plain.toBuilder().name("web-2").sudo(true).connectTimeout(Duration.ofSeconds(3)).connectRetries(0).build();
        assertThat(changed.address()).isEqualTo("deploy@10.0.0.5:22");
        assertThat(changed.timing()).isEqualTo(new HostSpec.Timing(Duration.ofSeconds(3), HostSpec.DEFAULT_KEEP_ALIVE, 0));
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
        assertThat(HostSpec.builder("app", "10.0.0.6").login("deploy", KEY).jumpHost(changed).build().describe())
                .isEqualTo("app (deploy@10.0.0.6:22 via web-2)");
    }

    @Test
    void badPartsAreNamedWithTheHost() {
        assertThatThrownBy(() -> HostSpec.builder("web", "bad host").login("deploy", KEY).build()).isInstanceOf(SpecException.class)
                .hasMessage("hostname: 'bad host' is not a host name or IP address (host 'web')");
        assertThatThrownBy(() -> HostSpec.builder("web", "h").port(70000).login("deploy", KEY).build())
                .hasMessage("port: 70000 is not a TCP port (1 to 65535) (host 'web')");
        assertThatThrownBy(() -> HostSpec.builder("web", "h").build()).hasMessage("user: 'null' is not a user name (host 'web')");
        assertThatThrownBy(() -> HostSpec.builder("web", "h").login("deploy", KEY).connectRetries(11).build())
                .hasMessage("connectRetries: 11 is out of range (0 to 10) (host 'web')");
        HostSpec jump = HostSpec.builder("web", "j").login("deploy", KEY).build();
        assertThatThrownBy(() -> HostSpec.builder("web", "h").login("deploy", KEY).jumpHost(jump).build())
                .hasMessage("jumpHost: host 'web' reaches itself through jump hosts web");
    }

    @Test
    void stepDefaultsAreReadByTheStepsOwnRules() {
        HostStepDefaults d = HostStepDefaults.parse(" podman-compose ", "nginx -t", " ");
        assertThat(d).isEqualTo(new HostStepDefaults("podman-compose", List.of("nginx", "-t"), null));
        assertThat(HostStepDefaults.parse(null, null, null)).isEqualTo(HostStepDefaults.NONE);
        assertThatThrownBy(() -> HostStepDefaults.parse(null, null, "nginx -s reload | sh")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("nginxReloadCommand: 'nginx -s reload | sh' contains '|'");
    }
}
