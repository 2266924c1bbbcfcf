package hudson.model;

import hudson.search.SearchableModelObject;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class AbstractModelObject implements SearchableModelObject {}
