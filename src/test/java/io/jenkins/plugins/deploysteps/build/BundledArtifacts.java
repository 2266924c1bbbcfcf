package io.jenkins.plugins.deploysteps.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * What maven-hpi-plugin's {@code hpi.strictBundledArtifacts} will compare, read from the plugin POM's text.
 * The bundled libraries are the POM's own dependencies that end up in WEB-INF/lib: type jar, scope compile or
 * runtime, not optional, and with their own {@code <version>} (the Jenkins BOM manages the versions of
 * plugins only, so a dependency without a version is a plugin).
 */
record BundledArtifacts(String declared, List<String> derived) {

    static BundledArtifacts of(String pomText) throws IOException {
        Pom pom = Pom.of(pomText);
        List<String> derived = new ArrayList<>();
        for (Element dependency : pom.dependencies()) {
            if (isBundled(dependency)) {
                derived.add(Pom.text(dependency, "artifactId", ""));
            }
        }
        derived.sort(null);
        return new BundledArtifacts(pom.property("hpi.bundledArtifacts").orElse(""), List.copyOf(derived));
    }

    /** The property's value maven-hpi-plugin accepts: the bundled artifactIds, sorted, comma-separated. */
    String expected() {
        return String.join(",", derived);
    }

    boolean matches() {
        return declared.equals(expected());
    }

    private static boolean isBundled(Element dependency) {
        String scope = Pom.text(dependency, "scope", "compile");
        return (scope.equals("compile") || scope.equals("runtime"))
                && Pom.text(dependency, "type", "jar").equals("jar")
                && !Pom.text(dependency, "optional", "false").equals("true")
                && Pom.child(dependency, "version").isPresent();
    }
}
