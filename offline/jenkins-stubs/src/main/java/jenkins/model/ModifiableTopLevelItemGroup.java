package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
