package io.jenkins.plugins.casc.misc.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Signature stub of the JCasC test harness (io.jenkins.configuration-as-code:test-harness); compile only. */
class JenkinsConfiguredWithCodeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        throw new UnsupportedOperationException();
    }
}
