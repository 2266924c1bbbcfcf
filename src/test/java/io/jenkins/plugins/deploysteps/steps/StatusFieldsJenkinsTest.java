package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The status fields of nginxRoute, healthVerify's checks and composeDeploy's routes and probe take a number, text or
 * a list, bound by structs as a Jenkinsfile's map is (magicLinkAuthCheck's: MagicLinkAuthCheckStepJenkinsTest).
 */
@WithJenkins
class StatusFieldsJenkinsTest {

    @Test
    void aNumberTextOrAListBecomesTheStatusText(JenkinsRule r) throws Exception {
        NginxRouteStep route = DescribableModel.of(NginxRouteStep.class).instantiate(Map.of("host", "prod-1", "site", "/etc/nginx/sites-enabled/app",
                "location", "/api/", "expectStatus", 429), TaskListener.NULL);
        assertThat(route.getExpectStatus()).isEqualTo("429");

        HealthVerifyStep health = DescribableModel.of(HealthVerifyStep.class).instantiate(Map.of("checks", List.of(
                Map.of("url", "http://127.0.0.1/a", "expectStatus", List.of(200, 204)),
                Map.of("url", "http://127.0.0.1/b", "expectStatus", "4xx"))), TaskListener.NULL);
        assertThat(health.getChecks()).extracting(HealthCheck::getExpectStatus).containsExactly("200, 204", "4xx");

        ComposeDeployStep compose = DescribableModel.of(ComposeDeployStep.class).instantiate(Map.of("host", "prod-1", "dir", "/srv/app",
                "routes", List.of(Map.of("service", "web", "site", "/etc/nginx/sites-enabled/app", "expectStatus", 200)),
                "downtimeProbe", Map.of("url", "http://127.0.0.1/health", "expectStatus", "429")), TaskListener.NULL);
        assertThat(compose.getRoutes()).extracting(BlueGreenRoute::getExpectStatus).containsExactly("200");
        assertThat(compose.getDowntimeProbe().getExpectStatus()).isEqualTo("429");
    }
}
