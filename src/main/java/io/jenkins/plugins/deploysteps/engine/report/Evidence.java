package io.jenkins.plugins.deploysteps.engine.report;

import java.io.Serializable;

/** A block of text that shows why a check came out as it did: command output, a diff, a response body. */
public record Evidence(String label, String text) implements Serializable {
    public Evidence {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("evidence needs a label");
        }
        text = text == null ? "" : text;
    }
}
