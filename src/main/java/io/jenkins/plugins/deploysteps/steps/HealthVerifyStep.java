package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code healthVerify waitTimeout: '2m', checks: [[name: 'api', url: '...', expectJson: ['$.status': 'ok']], ...]}:
 * after a deploy, is everything answering as it should? Parameters bind to the engine's {@link HealthVerify} under
 * the same names the CLI uses; each check is a {@link HealthCheck}, the TLS thresholds a {@link TlsCertificates}.
 */
public final class HealthVerifyStep extends DeployStep {
    private List<HealthCheck> checks = new ArrayList<>();
    private String url;
    private String waitTimeout;
    private String interval;
    private String maxInterval;
    private Integer consecutive;
    private Integer parallelism;
    private TlsCertificates tls;

    @DataBoundConstructor
    public HealthVerifyStep() {
        super(new HealthVerify());
    }

    public List<HealthCheck> getChecks() { return checks; }
    @DataBoundSetter public void setChecks(List<HealthCheck> checks) { this.checks = Values.copy(checks); }

    public String getUrl() { return url; }
    @DataBoundSetter public void setUrl(String url) { this.url = Values.trimToNull(url); }

    public String getWaitTimeout() { return waitTimeout; }
    @DataBoundSetter public void setWaitTimeout(String waitTimeout) { this.waitTimeout = Values.trimToNull(waitTimeout); }

    public String getInterval() { return interval; }
    @DataBoundSetter public void setInterval(String interval) { this.interval = Values.trimToNull(interval); }

    public String getMaxInterval() { return maxInterval; }
    @DataBoundSetter public void setMaxInterval(String maxInterval) { this.maxInterval = Values.trimToNull(maxInterval); }

    public Integer getConsecutive() { return consecutive; }
    @DataBoundSetter public void setConsecutive(Integer consecutive) { this.consecutive = consecutive; }

    public Integer getParallelism() { return parallelism; }
    @DataBoundSetter public void setParallelism(Integer parallelism) { this.parallelism = parallelism; }

    public TlsCertificates getTls() { return tls; }
    @DataBoundSetter public void setTls(TlsCertificates tls) { this.tls = tls; }

    @Extension
    @Symbol(HealthVerify.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        static final Map<String, Object> MINIMAL = Map.of("url", "http://localhost/");

        public DescriptorImpl() {
            super(new HealthVerify(), "Verify a deployment: HTTP(S), TLS and TCP checks, waiting until healthy", MINIMAL);
        }

        /** What a person scanning the pipeline graph wants: the URL, or the checks' names. Never a header or credential. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return HealthVerifyStep.describe(namedArgs);
        }
    }

    /** {@code https://app.example.com/health}, or {@code api, frontend, db port}; query strings are left out. */
    static String describe(Map<String, Object> namedArgs) {
        if (namedArgs.get("url") instanceof String u) {
            return u.replaceFirst("[?#].*$", "");
        }
        if (namedArgs.get("checks") instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object c : list) {
                Object name = c instanceof HealthCheck hc ? (hc.getName() != null ? hc.getName() : hc.getUrl() != null ? hc.getUrl() : hc.getTcp())
                        : c instanceof Map<?, ?> m ? (m.get("name") != null ? m.get("name") : m.get("url") != null ? m.get("url") : m.get("tcp")) : null;
                if (name != null) {
                    names.add(String.valueOf(name).replaceFirst("[?#].*$", ""));
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }
}
