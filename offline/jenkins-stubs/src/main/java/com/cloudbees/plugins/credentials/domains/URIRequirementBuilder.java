package com.cloudbees.plugins.credentials.domains;

import java.util.List;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {
        throw new UnsupportedOperationException();
    }

    public static URIRequirementBuilder create() {
        throw new UnsupportedOperationException();
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException();
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException();
    }
}
