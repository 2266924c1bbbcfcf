package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code syncFiles host: 'prod-1', from: 'app/', to: '/srv/app'}: the release's files from the workspace to the host
 * over the step's SSH connection. Parameters bind to the engine's {@link SyncFiles} under the same names the CLI uses.
 */
public final class SyncFilesStep extends HostChangeStep {
    private final String from;
    private final String to;
    private List<String> excludes = new ArrayList<>();
    /** Null: the engine's default (the host's env files). */
    private List<String> preserve;
    private boolean delete = true;
    private String revision;
    private String layout;
    private Integer keepReleases;
    private boolean rollback;

    @DataBoundConstructor
    public SyncFilesStep(String host, String from, String to) {
        super(new SyncFiles(), host);
        this.from = Values.trimToNull(from);
        this.to = Values.trimToNull(to);
    }

    public String getFrom() { return from; }

    public String getTo() { return to; }

    public List<String> getExcludes() { return excludes; }
    @DataBoundSetter public void setExcludes(List<String> excludes) { this.excludes = Values.copy(excludes); }

    public List<String> getPreserve() { return preserve == null ? SyncFiles.DEFAULT_PRESERVE : preserve; }
    @DataBoundSetter public void setPreserve(List<String> preserve) { this.preserve = preserve == null ? null : new ArrayList<>(preserve); }

    public boolean isDelete() { return delete; }
    @DataBoundSetter public void setDelete(boolean delete) { this.delete = delete; }

    public String getRevision() { return revision; }
    @DataBoundSetter public void setRevision(String revision) { this.revision = Values.trimToNull(revision); }

    public String getLayout() { return layout; }
    @DataBoundSetter public void setLayout(String layout) { this.layout = Values.trimToNull(layout); }

    public Integer getKeepReleases() { return keepReleases; }
    @DataBoundSetter public void setKeepReleases(Integer keepReleases) { this.keepReleases = keepReleases; }

    public boolean isRollback() { return rollback; }
    @DataBoundSetter public void setRollback(boolean rollback) { this.rollback = rollback; }

    @Extension
    @Symbol(SyncFiles.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        static final Map<String, Object> MINIMAL = Map.of("host", "h", "from", "app", "to", "/srv/app");

        public DescriptorImpl() {
            super(new SyncFiles(), "Sync workspace files to a deploy host: changes only, env files preserved, REVISION written", MINIMAL);
        }

        /** Where the files go is what a person scanning the pipeline graph wants to see. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object h = namedArgs.get("host");
            Object t = namedArgs.get("to");
            return h instanceof String hs && t instanceof String ts ? hs + ":" + ts : null;
        }

        public ListBoxModel doFillLayoutItems() {
            ListBoxModel m = FormChoices.withDefault("plain");
            m.add("plain: into the folder itself", "plain");
            m.add("releases: releases/<id>/ and a current link", "releases");
            return m;
        }
    }
}
