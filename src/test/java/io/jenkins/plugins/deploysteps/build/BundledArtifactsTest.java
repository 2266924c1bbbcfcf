package io.jenkins.plugins.deploysteps.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The plugin POM's hpi.bundledArtifacts is what maven-hpi-plugin will find in WEB-INF/lib, sorted. */
class BundledArtifactsTest {

    @Test
    void thePluginPomListsItsBundledLibrariesSorted() throws IOException {
        BundledArtifacts pom = BundledArtifacts.of(Files.readString(LocalTarget.repo().resolve("pom.xml")));

        assertThat(pom.derived()).contains("jsch", "encoder");
        assertThat(pom.declared()).as("hpi.bundledArtifacts in pom.xml").isEqualTo(pom.expected());
    }

    @Test
    void aListInTheOrderOfTheDependenciesIsRefused() throws IOException {
        BundledArtifacts pom = BundledArtifacts.of(pom("jsch,encoder", library("jsch"), library("encoder")));

        assertThat(pom.matches()).isFalse();
        assertThat(pom.expected()).isEqualTo("encoder,jsch");
    }

    @Test
    void aNewLibraryMissingFromTheListIsRefused() throws IOException {
        BundledArtifacts pom = BundledArtifacts.of(pom("encoder,jsch", library("jsch"), library("encoder"), library("commons-text")));

        assertThat(pom.matches()).isFalse();
        assertThat(pom.expected()).isEqualTo("commons-text,encoder,jsch");
    }

    @Test
    void pluginsTestAndProvidedDependenciesAreNotBundled() throws IOException {
        BundledArtifacts pom = BundledArtifacts.of(pom("encoder",
                library("encoder"),
                "<dependency><groupId>org.jenkins-ci.plugins</groupId><artifactId>structs</artifactId></dependency>",
                scoped("assertj-core", "test"),
                scoped("servlet-api", "provided"),
                "<dependency><groupId>x</groupId><artifactId>optional-lib</artifactId><version>1</version><optional>true</optional></dependency>",
                "<dependency><groupId>x</groupId><artifactId>a-bom</artifactId><version>1</version><type>pom</type></dependency>"));

        assertThat(pom.derived()).containsExactly("encoder");
        assertThat(pom.matches()).isTrue();
    }

    @Test
    void runtimeScopedLibrariesAreBundled() throws IOException {
        BundledArtifacts pom = BundledArtifacts.of(pom("", scoped("slf4j-jdk14", "runtime")));

        assertThat(pom.matches()).isFalse();
        assertThat(pom.expected()).isEqualTo("slf4j-jdk14");
    }

    @Test
    void managedDependenciesAreNotTheBundledOnes() throws IOException {
        String text = """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <properties><hpi.bundledArtifacts></hpi.bundledArtifacts></properties>
                  <dependencyManagement><dependencies>%s</dependencies></dependencyManagement>
                </project>
                """.formatted(library("jsch"));

        assertThat(BundledArtifacts.of(text).matches()).isTrue();
    }

    private static String pom(String bundled, String... dependencies) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <properties><hpi.bundledArtifacts>%s</hpi.bundledArtifacts></properties>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(bundled, String.join("\n", dependencies));
    }

    private static String library(String artifactId) {
        return "<dependency><groupId>x</groupId><artifactId>" + artifactId + "</artifactId><version>1.0</version></dependency>";
    }

    private static String scoped(String artifactId, String scope) {
        return "<dependency><groupId>x</groupId><artifactId>" + artifactId + "</artifactId><version>1.0</version><scope>" + scope + "</scope></dependency>";
    }
}
