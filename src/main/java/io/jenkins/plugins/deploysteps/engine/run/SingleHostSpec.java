package io.jenkins.plugins.deploysteps.engine.run;

import java.util.List;

/** A spec of a step that works on one configured host. */
public interface SingleHostSpec extends StepSpec {
    /** The configured host name the step connects to. */
    String host();

    @Override
    default List<String> hosts() {
        return List.of(host());
    }
}
