package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the steps read from compose files: services, builds, profiles and published ports in every syntax compose accepts. */
class ComposeModelTest {

    private static ComposeModel parse(String... nameThenText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.put(nameThenText[i], nameThenText[i + 1]);
        }
        return ComposeModel.parse(files);
    }

    @Test
    void portsInShortAndLongSyntax() {
        ComposeModel m = parse("compose.yaml", """
                services:
                  web:
                    build: .
                    ports:
                      - 8080:80
                      - "127.0.0.1:9000:9000/udp"
                      - "[::1]:9443:443"
                      - "7000-7002:7000-7002"
                      - "3000"
                      - "127.0.0.1::5000"
                      - target: 80
                        published: "8081"
                        host_ip: 127.0.0.2
                        protocol: tcp
                      - target: 81
                      - "${WEB_PORT:-8082}:80"
                  db:
                    image: postgres:16
                """);
        ComposeService web = m.services().get("web");
        assertThat(web.builds()).isTrue();
        assertThat(web.ports()).extracting(PublishedPort::toString).containsExactly("8080/tcp", "127.0.0.1:9000/udp", "[::1]:9443/tcp",
                "7000/tcp", "7001/tcp", "7002/tcp", "127.0.0.2:8081/tcp");
        assertThat(web.unresolvedPorts()).containsExactly("${WEB_PORT:-8082}:80");
        assertThat(m.services().get("db").builds()).isFalse();
        assertThat(m.services().get("db").ports()).isEmpty();
        assertThat(m.defaultServices()).containsExactly("web", "db");
    }

    @Test
    void laterFilesAddServicesPortsAndBuildsAndProfilesAreOptional() {
        ComposeModel m = parse("compose.yaml", "services:\n  api:\n    image: app/api:1\n    ports: [\"8080:80\"]\n",
                "compose.override.yaml", "services:\n  api:\n    build: ./api\n    ports: [\"8080:80\", \"9090:90\"]\n  debug:\n    image: busybox\n"
                        + "    profiles: [debug]\n");
        assertThat(m.services().keySet()).containsExactly("api", "debug");
        assertThat(m.services().get("api").builds()).isTrue();
        assertThat(m.services().get("api").ports()).extracting(PublishedPort::port).containsExactly(8080, 9090);
        assertThat(m.defaultServices()).containsExactly("api");
    }

    @Test
    void yaml11SexagesimalsStayPortMappingsAndMergeKeysWork() {
        ComposeModel m = parse("c.yml", "x-common: &common\n  ports: [\"7070:70\"]\nservices:\n  a:\n    <<: *common\n    image: a\n  b:\n"
                + "    image: b\n    ports:\n      - 56:56\n");
        assertThat(m.services().get("a").ports()).extracting(PublishedPort::port).containsExactly(7070);
        assertThat(m.services().get("b").ports()).extracting(PublishedPort::port).containsExactly(56);
    }

    @Test
    void brokenFilesNameTheFileButNeverEchoItsContent() {
        assertThatThrownBy(() -> parse("docker-compose.yml", "services:\n  web:\n    environment:\n      DB: \"postgres://u:hunter22@db\n    x: [\n"))
                .isInstanceOf(ComposeModel.ComposeFileException.class)
                .hasMessageStartingWith("docker-compose.yml: not valid YAML (line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter22"));
        assertThatThrownBy(() -> parse("c.yml", "- a\n- b\n")).hasMessage("c.yml: not a compose file (the top level must be a map)");
        assertThatThrownBy(() -> parse("c.yml", "services: [web]\n")).hasMessage("c.yml: 'services' must be a map of service names to settings");
        assertThatThrownBy(() -> parse("c.yml", "services:\n  web:\n    ports: \"80:80\"\n")).hasMessage("c.yml: 'ports' of service 'web' must be a list");
        assertThatThrownBy(() -> parse("c.yml", "services:\n  web:\n    ports: [\"a:b\"]\n"))
                .hasMessage("c.yml: service 'web': 'a:b' is not a port mapping");
        assertThat(parse("empty.yml", "").services()).isEmpty();
    }

    @Test
    void wildcardAddresses() {
        assertThat(new PublishedPort("", 80, "tcp").allAddresses()).isTrue();
        assertThat(new PublishedPort("0.0.0.0", 80, "tcp").allAddresses()).isTrue();
        assertThat(new PublishedPort("127.0.0.1", 80, "tcp").allAddresses()).isFalse();
        assertThat(PublishedPort.parse(Map.of("target", 80))).isEmpty();
        assertThat(PublishedPort.parse("80")).isEqualTo(List.of());
    }
}
