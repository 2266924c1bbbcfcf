package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface Item extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, AccessControlled, OnMaster {
    Permission READ = null;

    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
