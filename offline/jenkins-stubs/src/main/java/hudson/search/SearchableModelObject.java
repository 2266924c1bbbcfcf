package hudson.search;

import hudson.model.ModelObject;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface SearchableModelObject extends ModelObject, SearchItem {}
