package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.util.List;

/**
 * A validated nginxRoute.
 *
 * @param route the block to put in place; null when the route is to be removed or a backup restored
 * @param restoreFrom with {@code state: 'restored'}: the id of the backup whose copy of the site file goes back; else null
 * @param verify null: no probe
 */
public record NginxRouteSpec(RouteTarget target, Route route, String restoreFrom, RouteVerify verify, RouteSettings settings, CommonParams common)
        implements StepSpec {

    @Override
    public List<String> hosts() {
        return List.of(target.host());
    }
}
