package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shipped CLI jar, run as users run it: {@code java -jar}, no Jenkins anywhere on its class path. */
class CliJarIT {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private static Path jar() {
        return Path.of(System.getProperty("deploysteps.cliJar", "offline/deploy-steps/target/deploy-steps-cli.jar"));
    }

    @Test
    void holdsOnlyTheEngineTheCliAndTheirLibraries() throws Exception {
        List<String> forbidden = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") || n.endsWith(".jelly") || n.endsWith(".html"))
                    .filter(n -> n.startsWith("hudson/") || n.startsWith("jenkins/") || n.startsWith("org/jenkinsci/")
                            || n.startsWith("org/kohsuke/") || n.startsWith("com/cloudbees/")
                            || n.startsWith("io/jenkins/plugins/deploysteps/") && !n.startsWith("io/jenkins/plugins/deploysteps/engine/")
                                    && !n.startsWith("io/jenkins/plugins/deploysteps/cli/"))
                    .forEach(forbidden::add);
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.jenkins.plugins.deploysteps.cli.Main");
        }
        assertThat(forbidden).isEmpty();
    }

    @Test
    void runsAPlanAgainstARealHost() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), CliTest.hostsYaml(TARGET.get())
                + "steps:\n  - hostCheck: {host: local, minFreeDisk: 1MB, requireCommands: [sh]}\n");
        Path reports = dir.resolve("reports");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = LocalTarget.run(List.of(java, "-jar", jar().toString(), "run", plan.toString(), "--report-dir", reports.toString()),
                Duration.ofSeconds(60));
        assertThat(output).contains("[PASS] connect to local").contains(": SUCCESS");
        assertThat(reports.resolve("hostCheck.html")).exists();
        assertThat(reports.resolve("hostCheck.xml")).exists();
        assertThat(reports.resolve("hostCheck.json")).exists();
    }
}
