package hudson.model;

import hudson.ExtensionPoint;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class ManagementLink implements ExtensionPoint, Action {
    @Override
    public abstract String getIconFileName();

    @Override
    public abstract String getUrlName();
}
