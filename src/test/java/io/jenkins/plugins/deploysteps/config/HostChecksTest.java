package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Deploy hosts rules the form, JCasC and the configuration's save all apply. */
class HostChecksTest {
    private static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @Test
    void namesHostnamesPortsAndTimeouts() {
        assertThat(HostChecks.name("prod-1")).isEmpty();
        assertThat(HostChecks.name("prod 1")).contains("'prod 1' is not a host name: use letters, digits, '.', '-' and '_', no spaces");
        assertThat(HostChecks.hostname("10.0.0.5")).isEmpty();
        assertThat(HostChecks.hostname("app.example.com")).isEmpty();
        assertThat(HostChecks.hostname("bad host")).contains("'bad host' is not a host name or IP address");
        assertThat(HostChecks.hostname("")).contains("required");
        assertThat(HostChecks.port("2222")).isEmpty();
        assertThat(HostChecks.port("70000")).contains("70000 is not a TCP port (1 to 65535)");
        assertThat(HostChecks.port(null)).contains("required");
        assertThat(HostChecks.port("22x")).contains("'22x' is not a port number");
        assertThat(HostChecks.port("ssh")).contains("'ssh' is not a port number");
        assertThat(HostChecks.duration("10s")).isEmpty();
        assertThat(HostChecks.duration("10")).get().asString().contains("needs a unit");
    }

    @Test
    void strictVerificationNeedsKeysAndLinesMustParse() {
        assertThat(HostChecks.knownHosts("strict", null, null, "h")).get().asString().startsWith("strict host key verification needs");
        assertThat(HostChecks.knownHosts("strict", "ssh-ed25519 " + KEY, null, "h")).isEmpty();
        assertThat(HostChecks.knownHosts("strict", null, "~/.ssh/known_hosts", "h")).isEmpty();
        assertThat(HostChecks.knownHosts("acceptFirst", null, null, "h")).isEmpty();
        assertThat(HostChecks.knownHosts("strict", "h ssh-ed25519 " + KEY + "\nnot a key line", null, "h"))
                .get().asString().startsWith("line 2 is not a known_hosts line");
    }

    @Test
    void hostListsRefuseDuplicatesUnknownJumpHostsAndCycles() {
        assertThat(HostChecks.hostList(List.of(host("a", null), host("b", "a")))).isEmpty();
        assertThat(HostChecks.hostList(List.of(host("a", null), host("a", null)))).containsExactly("host name 'a' is used more than once");
        assertThat(HostChecks.hostList(List.of(host("a", "ghost")))).containsExactly("host 'a': jump host 'ghost' is not configured");
        assertThat(HostChecks.hostList(List.of(host("a", "b"), host("b", "c"), host("c", "a"))))
                .contains("host 'a': jump hosts form a cycle: a -> b -> c -> a");
    }

    @Test
    void stepDefaultsTheStepsCannotUseAreRefusedWithTheList() {
        DeployHost compose = host("a", null);
        compose.setComposeCommand("compose-ng");
        DeployHost nginx = host("b", null);
        nginx.setNginxTestCommand("nginx -t && rm -rf /");
        assertThat(HostChecks.hostList(List.of(compose, nginx))).containsExactly(
                "host 'a': composeCommand: 'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'",
                "host 'b': nginxTestCommand: 'nginx -t && rm -rf /' contains '&'; allowed: letters, digits, blanks and _./:=@%+,- (no shell syntax)");
        DeployHost fine = host("c", null);
        fine.setComposeCommand("podman-compose");
        fine.setNginxReloadCommand("sudo -n systemctl reload nginx");
        assertThat(HostChecks.hostList(List.of(fine))).isEmpty();
    }

    @Test
    void theFormChecksAFieldByTheSameRuleAsTheSave() {
        assertThat(HostChecks.field("composeCommand").orElseThrow().apply("compose-ng"))
                .contains("'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'");
        assertThat(HostChecks.field("nginxReloadCommand").orElseThrow().apply("nginx -s reload")).isEmpty();
        assertThat(HostChecks.field("port").orElseThrow().apply("70000")).contains("70000 is not a TCP port (1 to 65535)");
        assertThat(HostChecks.field("name").orElseThrow().apply("prod 1")).get().asString().startsWith("'prod 1' is not a host name");
        assertThat(HostChecks.field("connectTimeout").orElseThrow().apply("10")).get().asString().contains("needs a unit");
        assertThat(HostChecks.field("jumpHost")).as("needs the saved hosts: a check of its own").isEmpty();
        assertThat(HostChecks.knownHostsName("h", "2222")).isEqualTo("[h]:2222");
        assertThat(HostChecks.knownHostsName("h", null)).isEqualTo("h");
    }

    static DeployHost host(String name, String jump) {
        DeployHost h = new DeployHost(name, name + ".example.com", "cred-" + name);
        h.setJumpHost(jump);
        return h;
    }
}
