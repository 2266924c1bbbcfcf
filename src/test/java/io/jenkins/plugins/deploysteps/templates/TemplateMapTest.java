package io.jenkins.plugins.deploysteps.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The templates' Maps are checked whole before any step runs: an unknown key (with a suggestion), a wrong type, a
 * missing required key, a placeholder a host lacks. These run the real templates (Groovy 2.4) with no host at all:
 * any step call would fail, and none is made.
 */
class TemplateMapTest {
    @TempDir
    Path workspace;

    private LibraryPipeline pipeline() {
        return LibraryPipeline.withoutHosts(workspace);
    }

    private static final String GOOD = "hosts: ['web-1', 'web-2', 'web-3'], version: '2.0.0', "
            + "backend: [dir: '/srv/app', services: ['api']], verify: [url: 'http://{host}.example.com/healthz']";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bacth: 1                                      | deployRelease: bacth is not a key of deployRelease (did you mean 'batch'?)",
        "batch: '150%'                                 | deployRelease: batch must be a number of hosts (1 or more) or a percentage such as '30%', not string '150%'",
        "batch: 0                                      | deployRelease: batch must be a number of hosts (1 or more) or a percentage such as '30%', not number 0",
        "canary: 'yes'                                 | deployRelease: canary must be true or false, not string 'yes'",
        "pauseBetween: 30                              | deployRelease: pauseBetween must be a duration such as '30s', '2m' or '500ms', not number 30",
        "frontend: [dir: '/srv/app', servics: ['web']] | deployRelease: frontend.servics is not a parameter of composeDeploy (did you mean 'services'?)",
        "frontend: [services: ['web']]                 | deployRelease: frontend.dir is required by composeDeploy",
        "frontend: [dir: '/srv/app', host: 'web-9']    | deployRelease: frontend.host is set by deployRelease for every host and phase",
        "frontend: [dir: '/srv/app', noCache: 'no']    | deployRelease: frontend.noCache must be true or false, not string 'no'",
        "proxy: [site: '/etc/nginx/sites-enabled/app']  | deployRelease: proxy[0].location is required by nginxRoute",
        "magicLink: [baseUrl: 'http://x', mailbox: [typ: 'maildev']] | deployRelease: magicLink.mailbox.typ is not a parameter of magicLinkAuthCheck (did you mean 'type'?)",
        "preflight: [minFreeDisk: '1GB', timout: '5s'] | deployRelease: preflight.timout is not a parameter of hostCheck (did you mean 'timeout'?)",
        "proxy: [site: '/s', location: '/{prefix}/', proxyPass: 'http://127.0.0.1:{port}/'] | deployRelease: proxy[0].location uses {prefix}, which hostVars does not set for host 'web-1'",
        "hostVars: ['web-4': [port: 1]]                | deployRelease: hostVars.web-4 is not one of the hosts (web-1, web-2, web-3)",
    })
    void aBadMapIsRefusedBeforeAnyStepRuns(String extra, String message) {
        LibraryPipeline p = pipeline();
        assertThatThrownBy(() -> p.run("deployRelease(" + GOOD + ", " + extra + ")")).isInstanceOf(PipelineAbort.class).hasMessage(message);
        assertThat(p.record().stepCalls()).isEmpty();
        assertThat(p.record().stagesStarted()).isEmpty();
    }

    @Test
    void hostsAndAPhaseAreRequired() {
        LibraryPipeline p = pipeline();
        assertThatThrownBy(() -> p.run("deployRelease(backend: [dir: '/srv/app'])")).hasMessage(
                "deployRelease: hosts is required: the hosts to release to, such as hosts: ['web-1', 'web-2'] (or host: 'web-1')");
        assertThatThrownBy(() -> p.run("deployRelease(hosts: ['web-1'])")).hasMessageStartingWith("deployRelease: preflight or another phase");
        assertThatThrownBy(() -> p.run("deployRelease(hosts: ['web-1', 'web-1'], backend: [dir: '/a'])"))
                .hasMessage("deployRelease: hosts names 'web-1' twice");
        assertThatThrownBy(() -> p.run("verifyRelease(hosts: ['web-1'], verify: [url: 'http://x/', waitTimout: '1m'])"))
                .hasMessage("verifyRelease: verify.waitTimout is not a parameter of healthVerify (did you mean 'waitTimeout'?)");
        assertThatThrownBy(() -> p.run("verifyRelease(hosts: ['web-1'])")).hasMessage("verifyRelease: verify or magicLink is required: there is nothing to check");
        assertThat(p.record().stepCalls()).isEmpty();
    }

    @Test
    void batchesTakeACountOrAPercentageRoundedUpAfterTheCanary() {
        LibraryPipeline p = pipeline();
        String batches = "io.jenkins.plugins.deploysteps.library.ReleasePlan.batches";
        assertThat(p.run(batches + "(['a', 'b', 'c', 'd', 'e'], '30%', true)")).isEqualTo(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e")));
        assertThat(p.run(batches + "(['a', 'b', 'c'], 2, false)")).isEqualTo(List.of(List.of("a", "b"), List.of("c")));
        assertThat(p.run(batches + "(['a', 'b', 'c'], 1, true)")).isEqualTo(List.of(List.of("a"), List.of("b"), List.of("c")));
        assertThat(p.run(batches + "(['a', 'b', 'c'], '100%', false)")).isEqualTo(List.of(List.of("a", "b", "c")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void placeholdersAreFilledPerHostAndTheStepsOwnAreLeftAlone() {
        Object params = pipeline().run("""
                import io.jenkins.plugins.deploysteps.library.*
                def plan = ReleasePlan.verifyRelease([hosts: ['web-1', 'web-2'], hostVars: ['web-2': [zone: 'us']],
                    verify: [url: 'https://{host}.example.com/'],
                    magicLink: [baseUrl: 'https://{host}.example.com', mailbox: [type: 'maildev', url: 'http://127.0.0.1:1080'],
                                authenticatedChecks: [[path: '/api/me', expectJson: ['$.email': '${email}']]]]],
                    new MapCheck('verifyRelease', libraryResource('io/jenkins/plugins/deploysteps/library/step-parameters.txt')))
                plan.params
                """);
        Map<String, Map<String, Map<String, Object>>> byHost = (Map<String, Map<String, Map<String, Object>>>) params;
        assertThat(byHost.get("web-2").get("verify")).containsEntry("url", "https://web-2.example.com/").containsEntry("reportName", "verify-web-2")
                .containsEntry("archive", false).doesNotContainKey("host");
        assertThat(byHost.get("web-1").get("magicLink").get("authenticatedChecks").toString()).contains("${email}");
        assertThat(byHost.get("web-1").get("magicLink")).containsEntry("baseUrl", "https://web-1.example.com");
    }
}
