package io.jenkins.plugins.deploysteps.build;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What maven-hpi-plugin's {@code hpi.strictBundledArtifacts} will compare, read from the plugin POM's text.
 * The bundled libraries are the POM's own dependencies that end up in WEB-INF/lib: type jar, scope compile or
 * runtime, not optional, and with their own {@code <version>} (the Jenkins BOM manages the versions of
 * plugins only, so a dependency without a version is a plugin).
 */
record BundledArtifacts(String declared, List<String> derived) {

    static BundledArtifacts of(String pomText) throws IOException {
        Element project = parse(pomText).getDocumentElement();
        String declared = child(child(project, "properties"), "hpi.bundledArtifacts").map(Node::getTextContent).orElse("").strip();
        List<String> derived = new ArrayList<>();
        for (Element dependency : children(child(project, "dependencies").orElse(null), "dependency")) {
            if (isBundled(dependency)) {
                derived.add(text(dependency, "artifactId", ""));
            }
        }
        derived.sort(null);
        return new BundledArtifacts(declared, List.copyOf(derived));
    }

    /** The property's value maven-hpi-plugin accepts: the bundled artifactIds, sorted, comma-separated. */
    String expected() {
        return String.join(",", derived);
    }

    boolean matches() {
        return declared.equals(expected());
    }

    private static boolean isBundled(Element dependency) {
        String scope = text(dependency, "scope", "compile");
        return (scope.equals("compile") || scope.equals("runtime"))
                && text(dependency, "type", "jar").equals("jar")
                && !text(dependency, "optional", "false").equals("true")
                && child(Optional.of(dependency), "version").isPresent();
    }

    private static String text(Element parent, String name, String absent) {
        return child(Optional.of(parent), name).map(e -> e.getTextContent().strip()).orElse(absent);
    }

    private static Optional<Element> child(Element parent, String name) {
        return child(Optional.of(parent), name);
    }

    private static Optional<Element> child(Optional<Element> parent, String name) {
        return parent.flatMap(p -> children(p, name).stream().findFirst());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document parse(String pomText) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(pomText)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a POM: " + e.getMessage(), e);
        }
    }
}
