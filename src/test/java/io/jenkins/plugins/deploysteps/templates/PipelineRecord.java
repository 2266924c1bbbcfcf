package io.jenkins.plugins.deploysteps.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Pipeline run did that a person sees in Jenkins: stages in the order they started (and whether they failed),
 * echoed lines, JUnit and archive calls, pauses, and the build result. Written from parallel branches, so every
 * access is synchronized.
 */
public final class PipelineRecord {
    public record Stage(String name, boolean failed) {}

    /** A step the script called, with its parameters as the step got them. */
    public record StepCall(String step, Map<String, Object> params) {}

    private final List<String> started = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<String> echoes = new ArrayList<>();
    private final List<Map<String, Object>> junit = new ArrayList<>();
    private final List<Map<String, Object>> archived = new ArrayList<>();
    private final List<Object> sleeps = new ArrayList<>();
    private final List<StepCall> steps = new ArrayList<>();
    private String result;

    synchronized void stepCalled(String step, Map<String, Object> params) {
        steps.add(new StepCall(step, params));
    }

    /** Every call of one of our steps, in order. */
    public synchronized List<StepCall> stepCalls() {
        return List.copyOf(steps);
    }

    synchronized void stageStarted(String name) {
        started.add(name);
    }

    synchronized void stageEnded(String name, boolean failed) {
        stages.add(new Stage(name, failed));
    }

    synchronized void echo(String line) {
        echoes.add(line);
    }

    synchronized void junit(Map<String, Object> args) {
        junit.add(args);
    }

    synchronized void archive(Map<String, Object> args) {
        archived.add(args);
    }

    synchronized void slept(Object args) {
        sleeps.add(args);
    }

    synchronized String result() {
        return result;
    }

    /** As Run.setResult: a result only ever gets worse. */
    synchronized void result(String value) {
        List<String> order = List.of("SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED");
        if (result == null || order.indexOf(value) > order.indexOf(result)) {
            result = value;
        }
    }

    /** Stage names in the order they started. */
    public synchronized List<String> stagesStarted() {
        return List.copyOf(started);
    }

    /** Stages in the order they ended, with whether each failed. */
    public synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    public synchronized List<String> echoes() {
        return List.copyOf(echoes);
    }

    public synchronized List<Map<String, Object>> junitCalls() {
        return List.copyOf(junit);
    }

    public synchronized List<Map<String, Object>> archiveCalls() {
        return List.copyOf(archived);
    }

    public synchronized List<Object> sleeps() {
        return List.copyOf(sleeps);
    }
}
