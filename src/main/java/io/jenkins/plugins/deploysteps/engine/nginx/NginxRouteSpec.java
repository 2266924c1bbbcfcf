package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.util.List;

/**
 * A validated nginxRoute.
 *
 * @param route the block to put in place; null when the route is to be removed
 * @param verify null: no probe
 */
public record NginxRouteSpec(RouteTarget target, Route route, RouteVerify verify, RouteSettings settings, CommonParams common)
        implements StepSpec {

    @Override
    public List<String> hosts() {
        return List.of(target.host());
    }
}
