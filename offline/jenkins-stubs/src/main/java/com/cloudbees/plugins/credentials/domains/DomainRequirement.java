package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class DomainRequirement implements Serializable {}
