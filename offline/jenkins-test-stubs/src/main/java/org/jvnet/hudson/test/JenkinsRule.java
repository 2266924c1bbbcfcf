package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.RootAction;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.slaves.DumbSlave;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.rules.MethodRule;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.Statement;
import org.xml.sax.SAXException;

/** Signature stub of jenkins-test-harness (org.jenkins-ci.main:jenkins-test-harness); compile only. */
public class JenkinsRule implements TestRule, MethodRule, RootAction {
    public Jenkins jenkins;

    public FreeStyleProject createFreeStyleProject() throws IOException {
        throw new UnsupportedOperationException();
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException();
    }

    public <T extends TopLevelItem> T createProject(Class<T> type) throws IOException {
        throw new UnsupportedOperationException();
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException();
    }

    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        private DummySecurityRealm() {
            throw new UnsupportedOperationException();
        }
    }

    @NonNull
    public DumbSlave createOnlineSlave(@CheckForNull Label l) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(@NonNull J job) throws Exception {
        throw new UnsupportedOperationException();
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(Result status, J job) throws Exception {
        throw new UnsupportedOperationException();
    }

    public HtmlPage submit(HtmlForm form) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void assertEqualDataBoundBeans(List<?> lhs, List<?> rhs) throws Exception {
        throw new UnsupportedOperationException();
    }

    public <V> V executeOnServer(Callable<V> c) throws Exception {
        throw new UnsupportedOperationException();
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException();
    }

    public class WebClient extends org.htmlunit.WebClient {
        public WebClient() {
            throw new UnsupportedOperationException();
        }

        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException();
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException();
        }

        public HtmlPage goTo(String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException();
        }

        public Page goTo(String relative, @CheckForNull String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException();
        }
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Statement apply(Statement base, FrameworkMethod method, Object target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Statement apply(final Statement base, final Description description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
