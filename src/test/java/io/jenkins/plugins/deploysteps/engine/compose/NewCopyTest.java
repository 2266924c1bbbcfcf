package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.nginx.SiteSwitch;
import io.jenkins.plugins.deploysteps.engine.yaml.StrictYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The temporary copy's compose file, rendered from compose config's output, and the commands and site edits around it. */
class NewCopyTest {
    /** What docker-compose 1.29 config prints for a backend with a data volume and env file, and a frontend. */
    private static final String CONFIG = """
            services:
              backend:
                build:
                  context: /srv/app
                container_name: app-backend
                depends_on:
                  db:
                    condition: service_started
                environment:
                  SECRET: abc
                healthcheck:
                  interval: 1s
                  test: [CMD, /bin/busybox, wget, -q, -O, /dev/null, 'http://127.0.0.1:3000/']
                ports:
                - 127.0.0.1:3000:3000/tcp
                - 127.0.0.1:9100:9100/tcp
                volumes:
                - data:/data:rw
                - /srv/app/www:/www:ro
              frontend:
                build:
                  context: /srv/app
                ports:
                - 127.0.0.1:8080:80/tcp
            version: '3.9'
            volumes:
              data: {}
            """;

    @Test
    void theCopyRunsTheBuiltImageOnAFreePortWithTheProjectsNetworkAndVolumes() {
        NewCopy.Rendered r = NewCopy.render(CONFIG, "app", ComposeFlavor.DOCKER_COMPOSE_V1, Map.of("backend", 3000), Map.of("backend", "127.0.0.1"),
                Map.of("backend", 23456));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) StrictYaml.create().load(r.yaml());
        assertThat(file).containsOnlyKeys("version", "services", "networks", "volumes");
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) file.get("services");
        assertThat(services).containsOnlyKeys("backend-next");
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) services.get("backend-next");
        assertThat(s).containsEntry("image", "app_backend").containsEntry("ports", List.of("127.0.0.1:23456:3000/tcp"))
                .containsEntry("networks", List.of("default")).containsEntry("volumes", List.of("data:/data:rw", "/srv/app/www:/www:ro"))
                .containsKeys("environment", "healthcheck").doesNotContainKeys("build", "container_name", "depends_on");
        assertThat(file.get("networks")).isEqualTo(Map.of("default", Map.of("external", true, "name", "app_default")));
        assertThat(file.get("volumes")).isEqualTo(Map.of("data", Map.of("external", true, "name", "app_data")));
        assertThat(r.ports()).isEqualTo(Map.of("backend", 23456));
    }

    @Test
    void portsAreReadInBothSyntaxesAndComposeV2NamesItsImagesWithADash() {
        assertThat(NewCopy.mappings(CONFIG, "backend")).containsExactly(new NewCopy.Mapping("127.0.0.1", 3000, 3000),
                new NewCopy.Mapping("127.0.0.1", 9100, 9100));
        String v2 = "services:\n  api:\n    ports:\n    - mode: ingress\n      host_ip: 127.0.0.1\n      target: 3000\n      published: \"3001\"\n"
                + "      protocol: tcp\n";
        assertThat(NewCopy.mappings(v2, "api")).containsExactly(new NewCopy.Mapping("127.0.0.1", 3001, 3000));
        assertThat(NewCopy.builtImage(ComposeFlavor.DOCKER_COMPOSE, "app", "api")).isEqualTo("app-api");
    }

    @Test
    void theCopysCommandsAndTheRecreateAreExact() {
        ComposeCommands copy = new ComposeCommands(ComposeFlavor.DOCKER_COMPOSE_V1, "/tmp", NewCopy.project("app"), List.of("/tmp/deploy-steps-app-next.yml"));
        assertThat(copy.up(List.of("backend-next")).render()).isEqualTo("cd /tmp && docker-compose -p app-next -f /tmp/deploy-steps-app-next.yml up -d "
                + "--no-build backend-next");
        ComposeCommands own = new ComposeCommands(ComposeFlavor.DOCKER_COMPOSE_V1, "/srv/app", "app", List.of("docker-compose.yml"));
        assertThat(own.recreate(List.of("backend"), false).render()).isEqualTo("cd /srv/app && docker-compose -p app -f docker-compose.yml up -d --no-build "
                + "--no-deps --force-recreate backend");
        assertThat(own.config().render()).isEqualTo("cd /srv/app && docker-compose -p app -f docker-compose.yml config");
    }

    @Test
    void onlyProxyPassLinesToThatPortChangeInTheLocationAsked() {
        String site = """
                server {
                    listen 80;
                    location /api/ {
                        proxy_pass http://127.0.0.1:3000/;   # backend
                    }
                    location /other/ {
                        proxy_pass http://127.0.0.1:3000/;
                        proxy_set_header X-Port 127.0.0.1:3000;
                    }
                    location /big/ {
                        proxy_pass http://127.0.0.1:30001/;
                    }
                }
                """;
        String all = SiteSwitch.replaceUpstream(site, null, 3000, 23456);
        assertThat(all).contains("location /api/ {\n        proxy_pass http://127.0.0.1:23456/;   # backend")
                .contains("location /other/ {\n        proxy_pass http://127.0.0.1:23456/;\n        proxy_set_header X-Port 127.0.0.1:3000;")
                .contains("proxy_pass http://127.0.0.1:30001/;");
        String api = SiteSwitch.replaceUpstream(site, "/api/", 3000, 23456);
        assertThat(api).contains("proxy_pass http://127.0.0.1:23456/;   # backend").contains("location /other/ {\n        proxy_pass http://127.0.0.1:3000/;");
        assertThat(SiteSwitch.replaceUpstream(api, "/api/", 23456, 3000)).isEqualTo(site);
    }
}
