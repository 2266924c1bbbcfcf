package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Signature stub of remoting (org.jenkins-ci.main:remoting); compile only. The supertype matters: it makes
 * TaskListener and FilePath serializable, as SpotBugs and javac must see them.
 */
public interface SerializableOnlyOverRemoting extends Serializable {}
