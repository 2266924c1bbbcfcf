package io.jenkins.plugins.deploysteps.build;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** A POM's text as elements, read with the JDK's XML parser (no Maven model: the checks read what the file says). */
record Pom(Element project) {

    static Pom of(String text) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(factory.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a POM: " + e.getMessage(), e);
        }
    }

    /** A property's value as written (placeholders not resolved), or empty. */
    Optional<String> property(String name) {
        return child(project, "properties").flatMap(p -> child(p, name)).map(e -> e.getTextContent().strip());
    }

    /** The project's own dependencies (not those it manages). */
    List<Element> dependencies() {
        return child(project, "dependencies").map(d -> children(d, "dependency")).orElse(List.of());
    }

    static String text(Element parent, String name, String absent) {
        return child(parent, name).map(e -> e.getTextContent().strip()).orElse(absent);
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
