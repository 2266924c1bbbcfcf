package io.jenkins.plugins.deploysteps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine and the CLI run without Jenkins: no import of a Jenkins type may creep in. */
class ArchitectureTest {
    private static final Pattern JENKINS_IMPORT = Pattern.compile(
            "^import (static )?(hudson|jenkins|org\\.jenkinsci|org\\.kohsuke|com\\.cloudbees|net\\.sf\\.json)\\.", Pattern.MULTILINE);
    private static final Pattern JENKINS_FACING = Pattern.compile(
            "^import (static )?io\\.jenkins\\.plugins\\.deploysteps\\.(steps|config|jenkins)\\.", Pattern.MULTILINE);

    @Test
    void engineAndCliAreJenkinsFree() throws IOException {
        Path base = LocalTarget.repo().resolve("src/main/java/io/jenkins/plugins/deploysteps");
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("engine", "cli")) {
            try (Stream<Path> files = Files.walk(base.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (JENKINS_IMPORT.matcher(text).find() || JENKINS_FACING.matcher(text).find()) {
                        offenders.add(base.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
