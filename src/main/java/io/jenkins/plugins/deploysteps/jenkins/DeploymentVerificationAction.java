package io.jenkins.plugins.deploysteps.jenkins;

import hudson.Functions;
import hudson.model.Run;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.ReportNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import jenkins.model.RunAction2;
import jenkins.util.VirtualFile;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * "Deployment verification" on a build: every deploy-steps report of the build, its status, and links to its
 * HTML and JSON. The HTML is served from here rather than as a plain artifact, because Jenkins' default
 * artifact Content-Security-Policy blocks the page's inline styles; this sends a policy that allows inline
 * styles and nothing else (the page has no scripts).
 */
public class DeploymentVerificationAction implements RunAction2 {
    static final String CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

    private final List<Entry> entries = new ArrayList<>();
    private transient Run<?, ?> run;
    private transient ReportNames reportNames;

    /** One report. Paths are relative to the workspace and to the build's archive. */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String step;
        private final String name;
        private final String target;
        private final String status;
        private final String reason;
        private final String html;
        private final String json;
        private final boolean archived;
        private final long problems;

        Entry(Report report, String html, String json, boolean archived) {
            this.step = report.step();
            this.name = report.name();
            this.target = report.target();
            this.status = report.verdict().outcome().name();
            this.reason = report.verdict().reason();
            this.html = html;
            this.json = json;
            this.archived = archived;
            this.problems = report.checks().stream().filter(c -> c.status() != Status.PASS && c.status() != Status.SKIP).count();
        }

        public String getStep() {
            return step;
        }

        public String getName() {
            return name;
        }

        public String getTarget() {
            return target;
        }

        public String getStatus() {
            return status;
        }

        public String getReason() {
            return reason;
        }

        public String getHtml() {
            return html;
        }

        public String getJson() {
            return json;
        }

        public boolean isArchived() {
            return archived;
        }

        public long getProblems() {
            return problems;
        }
    }

    /** Adds a report to the build's action; a report written again under the same file (a retry) replaces its entry. */
    static void record(Run<?, ?> run, Report report, String html, String json, boolean archived) throws IOException {
        synchronized (run) {
            DeploymentVerificationAction action = of(run);
            synchronized (action.entries) {
                action.entries.removeIf(e -> e.getHtml().equals(html));
                action.entries.add(new Entry(report, html, json, archived));
            }
            run.save();
        }
    }

    /**
     * The report name a step writes under in this build: its default name gets a number when another step of the build
     * (an earlier call, a parallel branch) already has it. Claimed before the step runs, so parallel branches differ.
     */
    static String claimReportName(Run<?, ?> run, String step, String requested) {
        synchronized (run) {
            DeploymentVerificationAction action = of(run);
            ReportNames names = action.reportNames;
            if (names == null) {
                // transient: rebuilt from the build's entries after Jenkins reads the build back
                names = new ReportNames();
                for (Entry e : action.getEntries()) {
                    names.claim(e.getStep(), e.getName());
                }
                action.reportNames = names;
            }
            return names.claim(step, requested);
        }
    }

    private static DeploymentVerificationAction of(Run<?, ?> run) {
        DeploymentVerificationAction action = run.getAction(DeploymentVerificationAction.class);
        if (action == null) {
            action = new DeploymentVerificationAction();
            run.addAction(action);
        }
        return action;
    }

    public List<Entry> getEntries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "Deployment verification";
    }

    @Override
    public String getUrlName() {
        return "deployment-verification";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * {@code report/<html path>}: an archived HTML report of this build, under a policy that lets its styles apply.
     * It is an artifact, so it asks what core asks before it serves artifacts: {@link Run#ARTIFACTS} only where
     * {@code hudson.security.ArtifactsPermission} turns that permission on. Otherwise the permission does not exist
     * for any user (matrix authorization grants a disabled permission to no one), and whoever may see the build sees its
     * artifacts.
     */
    public void doReport(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> owner = run;
        if (owner == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (Functions.isArtifactsPermissionEnabled()) {
            owner.checkPermission(Run.ARTIFACTS);
        }
        String path = req.getRestOfPath().replaceFirst("^/", "");
        boolean known = getEntries().stream().anyMatch(e -> e.isArchived() && e.getHtml().equals(path));
        VirtualFile file = owner.getArtifactManager().root();
        for (String part : path.split("/")) {
            file = file.child(part);
        }
        if (!known || !file.exists()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.setContentType("text/html;charset=UTF-8");
        rsp.setHeader("Content-Security-Policy", CSP);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = file.open(); OutputStream out = rsp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
