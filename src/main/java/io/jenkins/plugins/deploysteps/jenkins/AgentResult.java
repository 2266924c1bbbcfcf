package io.jenkins.plugins.deploysteps.jenkins;

import io.jenkins.plugins.deploysteps.engine.report.Report;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What comes back from the agent: the (already masked) report, the report files relative to the workspace,
 * and host keys accepted on first use, for the controller to store.
 */
public record AgentResult(Report report, List<String> reportFiles, Map<String, String> learnedHostKeys) implements Serializable {}
