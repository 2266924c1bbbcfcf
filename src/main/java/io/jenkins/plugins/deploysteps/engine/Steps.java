package io.jenkins.plugins.deploysteps.engine;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollback;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import java.util.List;
import java.util.Optional;

/** Every step the engine can run, by the name Jenkinsfiles and plans use. */
public final class Steps {
    private static final List<StepDefinition<?>> ALL = List.of(new HostCheck(), new ComposeDeploy(), new ComposeRollback(), new HealthVerify(),
            new MagicLinkAuthCheck(), new NginxRoute(), new SyncFiles());

    private Steps() {}

    public static List<StepDefinition<?>> all() {
        return ALL;
    }

    public static Optional<StepDefinition<?>> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
