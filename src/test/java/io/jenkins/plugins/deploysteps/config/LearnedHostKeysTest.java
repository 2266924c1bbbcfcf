package io.jenkins.plugins.deploysteps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A host list from a form or a JCasC file that does not carry a learned key keeps it; a changed host forgets it. */
class LearnedHostKeysTest {
    private static final String LEARNED = "[203.0.113.7]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIlearned";

    private static DeployHost host(String name, String hostname, String mode, String learned) {
        DeployHost h = new DeployHost(name, hostname, "cred");
        h.setPort(2222);
        h.setHostKeyVerification(mode);
        h.setLearnedHostKey(learned);
        return h;
    }

    @Test
    void aListWithoutTheLearnedKeyKeepsIt() {
        DeployHost again = host("web", "203.0.113.7", "acceptFirst", null);

        LearnedHostKeys.carryOver(List.of(host("web", "203.0.113.7", "acceptFirst", LEARNED)), List.of(again));

        assertThat(again.getLearnedHostKey()).isEqualTo(LEARNED);
    }

    @Test
    void aKeyTheListStatesWins() {
        String stated = "[203.0.113.7]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIpinned";
        DeployHost again = host("web", "203.0.113.7", "acceptFirst", stated);

        LearnedHostKeys.carryOver(List.of(host("web", "203.0.113.7", "acceptFirst", LEARNED)), List.of(again));

        assertThat(again.getLearnedHostKey()).isEqualTo(stated);
    }

    @Test
    void aNewAddressAPortOrAnotherModeForgetsIt() {
        List<DeployHost> previous = List.of(host("web", "203.0.113.7", "acceptFirst", LEARNED));
        DeployHost moved = host("web", "203.0.113.8", "acceptFirst", null);
        DeployHost otherPort = host("web", "203.0.113.7", "acceptFirst", null);
        otherPort.setPort(22);
        DeployHost strict = host("web", "203.0.113.7", "strict", null);
        DeployHost renamed = host("app", "203.0.113.7", "acceptFirst", null);

        LearnedHostKeys.carryOver(previous, List.of(moved, otherPort, strict, renamed));

        assertThat(List.of(moved, otherPort, strict, renamed)).allSatisfy(h -> assertThat(h.getLearnedHostKey()).isNull());
    }

    @Test
    void aKeyLearnedWhileTheHostWasNotAcceptFirstIsNotCarried() {
        DeployHost again = host("web", "203.0.113.7", "acceptFirst", null);

        LearnedHostKeys.carryOver(List.of(host("web", "203.0.113.7", "strict", LEARNED)), List.of(again));

        assertThat(again.getLearnedHostKey()).isNull();
    }

    @Test
    void aBuildStoresOnlyAKeyOfTheAddressTheHostHasNow() {
        DeployHost web = host("web", "203.0.113.7", "acceptFirst", null);

        assertThat(LearnedHostKeys.mayLearn(web, LEARNED)).isTrue();
        assertThat(LearnedHostKeys.mayLearn(web, "[203.0.113.8]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIold")).as("the address it had").isFalse();
        assertThat(LearnedHostKeys.mayLearn(web, "[203.0.113.7]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIold")).as("the port it had").isFalse();
        assertThat(LearnedHostKeys.mayLearn(web, "[203.0.113.7]:22220 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIx")).as("a longer port").isFalse();
        assertThat(LearnedHostKeys.mayLearn(host("web", "203.0.113.7", "acceptFirst", LEARNED), LEARNED)).as("one learned already").isFalse();
        assertThat(LearnedHostKeys.mayLearn(host("web", "203.0.113.7", "strict", null), LEARNED)).as("strict").isFalse();
    }
}
