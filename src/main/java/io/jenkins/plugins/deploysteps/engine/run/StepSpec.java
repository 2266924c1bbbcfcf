package io.jenkins.plugins.deploysteps.engine.run;

import java.io.Serializable;
import java.util.List;

/** A validated step configuration. Serializable, so the Jenkins adapter can send it to the agent that runs it. */
public interface StepSpec extends Serializable {
    CommonParams common();

    /** The configured host names the step connects to, so a front end can resolve them up front. */
    List<String> hosts();

    /** Secret values the spec carries (resolved credentials), registered with the masker before the step runs. */
    default List<String> secrets() {
        return List.of();
    }
}
