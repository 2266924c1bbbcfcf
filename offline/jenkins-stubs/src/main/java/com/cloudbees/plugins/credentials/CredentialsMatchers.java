package com.cloudbees.plugins.credentials;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class CredentialsMatchers {
    private CredentialsMatchers() {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher not(CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher withScope(CredentialsScope scope) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }
}
