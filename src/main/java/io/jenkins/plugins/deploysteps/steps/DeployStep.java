package io.jenkins.plugins.deploysteps.steps;

import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters every deploy step shares, as the engine's {@code CommonParams} reads them: {@code reportName},
 * {@code onFailure} and {@code archive}.
 */
public abstract class DeployStep extends Step {
    private String reportName;
    private String onFailure;
    private boolean archive = true;

    public String getReportName() {
        return reportName;
    }

    @DataBoundSetter
    public void setReportName(String reportName) {
        this.reportName = Values.trimToNull(reportName);
    }

    public String getOnFailure() {
        return onFailure;
    }

    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        this.onFailure = Values.trimToNull(onFailure);
    }

    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    /** Adds the shared parameters under the engine's names (unset ones stay out, so the engine's defaults apply). */
    protected void putCommonParams(Map<String, Object> params) {
        params.put("reportName", reportName);
        params.put("onFailure", onFailure);
        params.put("archive", archive);
    }
}
