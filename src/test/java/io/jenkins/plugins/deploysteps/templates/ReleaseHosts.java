package io.jenkins.plugins.deploysteps.templates;

import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several release hosts on this machine: one sshd each (web-1 is the target that also runs podman and nginx; the
 * others' sessions reach the same podman), each with its own compose app (services api and web on ports of their
 * own), its own nginx site file with a server on a port of its own, and a load-balancing site in front of every
 * host's api, which is what "the site" answers through while hosts are released one after another.
 */
final class ReleaseHosts implements AutoCloseable {
    /** One host: its sshd, its app, the web service's port, its nginx site and where nginxRoute keeps the site's backups. */
    record Host(String name, LocalTarget sshd, ComposeApp app, int webPort, NginxSite site, Path siteBackups) {
        /** The values the templates' placeholders take on this host. */
        Map<String, Object> vars() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("dir", app.dir().toString());
            v.put("project", app.project());
            v.put("backups", app.backups().toString());
            v.put("apiPort", app.port());
            v.put("webPort", webPort);
            v.put("site", site.file().toString());
            v.put("sitePort", site.port());
            v.put("siteBackups", siteBackups.toString());
            return v;
        }

        String api() {
            return get(app.port(), "/");
        }

        String web() {
            return get(webPort, "/");
        }

        String throughNginx(String path) {
            return get(site.port(), path);
        }
    }

    private final Path root;
    private final LocalTarget main;
    private final List<LocalTarget> others = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();
    private NginxSite lb;

    private ReleaseHosts(Path root, LocalTarget main) {
        this.root = root;
        this.main = main;
    }

    static ReleaseHosts start(int count) {
        Path root;
        try {
            // Short: podman's socket path must stay under 108 bytes.
            root = Files.createTempDirectory(Path.of("/tmp"), "dst-release-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReleaseHosts r = new ReleaseHosts(root, LocalTarget.start(root.resolve("web-1"), "podman", "sshd", "nginx"));
        try {
            for (int i = 2; i <= count; i++) {
                r.others.add(LocalTarget.start(root.resolve("web-" + i), Map.of("LOCAL_TARGET_DOCKER_HOST", r.main.get("DOCKER_HOST")), "sshd"));
            }
            for (int i = 1; i <= count; i++) {
                r.hosts.add(r.host("web-" + i, i == 1 ? r.main : r.others.get(i - 2)));
            }
            StringBuilder upstream = new StringBuilder("upstream release_lb {\n");
            for (Host h : r.hosts) {
                upstream.append("    server 127.0.0.1:").append(h.app().port()).append(" max_fails=0;\n");
            }
            r.lb = NginxSite.create(r.main, "release-lb.conf", upstream + "}\nserver {\n    listen 127.0.0.1:@PORT@;\n    location / {\n"
                    + "        proxy_pass http://release_lb;\n        proxy_next_upstream error timeout http_502 http_503 http_504;\n"
                    + "        proxy_connect_timeout 1s;\n    }\n}\n");
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private Host host(String name, LocalTarget sshd) {
        Path apps = root.resolve("apps-" + name);
        ComposeApp app = ComposeApp.create(main, apps);
        int webPort = ComposeApp.freePort();
        app.compose(compose(app, webPort));
        app.upWithDockerCompose();
        NginxSite site = NginxSite.withServer(main, name + ".conf", "");
        return new Host(name, sshd, app, webPort, site, root.resolve("site-backups-" + name));
    }

    /** api and web, both serving the app's files; each healthy only while the version has its {@code /ready}. */
    private static String compose(ComposeApp app, int webPort) {
        String health = ComposeApp.healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", \"/dev/null\", "
                + "\"http://127.0.0.1:8080/ready\"]", "60s");
        return "services:\n"
                + "  api:\n    build: .\n    ports:\n      - \"127.0.0.1:" + app.port() + ":8080\"\n    env_file: .env\n" + health
                + "  web:\n    build: .\n    ports:\n      - \"127.0.0.1:" + webPort + ":8080\"\n" + health;
    }

    List<Host> hosts() {
        return hosts;
    }

    Host host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    NginxSite lb() {
        return lb;
    }

    /** The hosts as Deploy hosts would give them: strict host keys, and the target's own nginx commands as host defaults. */
    HostResolver resolver() {
        Map<String, HostSpec> specs = new LinkedHashMap<>();
        for (Host h : hosts) {
            HostSpec plain = h.sshd().host(h.name());
            specs.put(h.name(), plain.toBuilder().name(h.name()).jumpHost(null)
                    .stepDefaults(HostStepDefaults.parse(null, main.get("NGINX_TEST_CMD"), main.get("NGINX_RELOAD_CMD"))).build());
        }
        return (field, name) -> {
            HostSpec s = specs.get(name);
            if (s == null) {
                throw new SpecException(field, "unknown host '" + name + "'; the hosts are: " + String.join(", ", specs.keySet()));
            }
            return s;
        };
    }

    /** {@code hostVars} for a template, as a Groovy map literal. */
    String hostVars() {
        List<String> entries = new ArrayList<>();
        for (Host h : hosts) {
            List<String> vars = new ArrayList<>();
            h.vars().forEach((k, v) -> vars.add(k + ": " + (v instanceof Number ? v : "'" + v + "'")));
            entries.add("'" + h.name() + "': [" + String.join(", ", vars) + "]");
        }
        return "[" + String.join(", ", entries) + "]";
    }

    static String get(int port, String path) {
        return ComposeApp.get(port, path);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        List<AutoCloseable> closing = new ArrayList<>();
        if (lb != null) {
            closing.add(lb);
        }
        for (Host h : hosts) {
            closing.add(h.site());
            closing.add(h.app());
        }
        closing.addAll(others);
        closing.add(main);
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the release hosts", e);
                }
            }
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            failure = failure != null ? failure : new UncheckedIOException(e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
