package io.jenkins.plugins.deploysteps.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The offline build runs SpotBugs with the effort and threshold the plugin POM gives the real build. */
class SpotBugsSettingsTest {

    @Test
    void theOfflineBuildUsesThePluginPomsEffortAndThreshold() throws IOException {
        Pom plugin = Pom.of(Files.readString(LocalTarget.repo().resolve("pom.xml")));
        Pom offline = Pom.of(Files.readString(LocalTarget.repo().resolve("offline/pom.xml")));

        for (String setting : new String[] {"spotbugs.effort", "spotbugs.threshold"}) {
            assertThat(plugin.property(setting)).as(setting + " in pom.xml").isPresent();
            assertThat(offline.property(setting)).as(setting + " in offline/pom.xml").isEqualTo(plugin.property(setting));
        }
    }
}
