package org.jvnet.hudson.test;

import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

/** Signature stub of jenkins-test-harness (org.jenkins-ci.main:jenkins-test-harness); compile only. */
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {
        throw new UnsupportedOperationException();
    }

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException();
    }

    public class Grant {
        private Grant() {
            throw new UnsupportedOperationException();
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException();
        }

        public class GrantOn {
            private GrantOn() {
                throw new UnsupportedOperationException();
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
