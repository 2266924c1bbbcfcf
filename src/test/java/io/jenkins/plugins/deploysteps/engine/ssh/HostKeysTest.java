package io.jenkins.plugins.deploysteps.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeysTest {
    // An ed25519 public key blob: string "ssh-ed25519" + 32 key bytes.
    private static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @Test
    void fingerprintsLikeSshKeygen() {
        byte[] blob = Base64.getDecoder().decode(KEY);
        assertThat(HostKeys.type(blob)).isEqualTo("ssh-ed25519");
        assertThat(HostKeys.fingerprint(blob)).startsWith("SHA256:").doesNotEndWith("=");
        assertThat(HostKeys.line("[10.0.0.5]:2222", blob)).isEqualTo("[10.0.0.5]:2222 ssh-ed25519 " + KEY);
    }

    @Test
    void bareKeyLinesAreBoundToTheHost() {
        assertThat(HostKeys.normalize("knownHosts", List.of("# comment\n\nssh-ed25519 " + KEY, "web1 ssh-ed25519 " + KEY), "[h]:2222"))
                .containsExactly("[h]:2222 ssh-ed25519 " + KEY, "web1 ssh-ed25519 " + KEY);
    }

    @Test
    void malformedLinesAreErrorsWithTheirNumber() {
        assertThatThrownBy(() -> HostKeys.normalize("knownHosts", List.of("web1 ssh-ed25519 " + KEY, "web1 ssh-foo AAAA"), "h"))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("knownHosts: line 2 is not a known_hosts line");
        assertThatThrownBy(() -> HostKeys.normalize("knownHosts", List.of("web1 ssh-ed25519 %%%"), "h"))
                .hasMessage("knownHosts: line 1: the ssh-ed25519 key is not valid base64");
    }
}
