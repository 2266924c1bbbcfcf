package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.yaml.StrictYaml;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The services of a project's compose files, merged as compose merges them (later files add services and
 * ports, and may add a build section). Files are read with YAML 1.2 scalars, as Compose v2 reads them, so
 * {@code 8080:80} stays a port mapping.
 *
 * <p>Compose files can hold secrets (an inline {@code environment:} value), so nothing of their text ends up
 * in a message: parse errors name the file, line and problem only.
 */
public final class ComposeModel {
    private final Map<String, ComposeService> services;

    private ComposeModel(Map<String, ComposeService> services) {
        this.services = services;
    }

    /** Services by name, in the order the files list them. */
    public Map<String, ComposeService> services() {
        return services;
    }

    /** The services a plain {@code up} starts (those without profiles). */
    public List<String> defaultServices() {
        return services.values().stream().filter(s -> !s.optional()).map(ComposeService::name).toList();
    }

    /**
     * @param files file name → content, in the order compose is given them
     * @throws ComposeFileException naming the file when one is not a compose file
     */
    public static ComposeModel parse(Map<String, String> files) {
        Map<String, Builder> merged = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Object root;
            try {
                root = StrictYaml.create().load(file.getValue());
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
                throw new ComposeFileException(file.getKey() + ": not valid YAML (line " + line + ": " + e.getProblem() + ")");
            } catch (YAMLException e) {
                throw new ComposeFileException(file.getKey() + ": not valid YAML");
            }
            if (root == null) {
                continue;
            }
            if (!(root instanceof Map<?, ?> top)) {
                throw new ComposeFileException(file.getKey() + ": not a compose file (the top level must be a map)");
            }
            Object svcs = top.get("services");
            if (svcs == null) {
                continue;
            }
            if (!(svcs instanceof Map<?, ?> byName)) {
                throw new ComposeFileException(file.getKey() + ": 'services' must be a map of service names to settings");
            }
            for (Map.Entry<?, ?> e : byName.entrySet()) {
                String name = String.valueOf(e.getKey());
                Builder b = merged.computeIfAbsent(name, Builder::new);
                b.add(file.getKey(), e.getValue());
            }
        }
        Map<String, ComposeService> out = new LinkedHashMap<>();
        merged.forEach((name, b) -> out.put(name, b.build()));
        return new ComposeModel(out);
    }

    private static final class Builder {
        private final String name;
        private boolean builds;
        private boolean optional;
        private final Set<PublishedPort> ports = new LinkedHashSet<>();
        private final List<String> unresolved = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        void add(String file, Object settings) {
            if (settings == null) {
                return;
            }
            if (!(settings instanceof Map<?, ?> s)) {
                throw new ComposeFileException(file + ": service '" + name + "' must be a map of settings");
            }
            builds |= s.get("build") != null;
            optional |= s.get("profiles") instanceof Collection<?> c && !c.isEmpty();
            Object p = s.get("ports");
            if (p == null) {
                return;
            }
            if (!(p instanceof Collection<?> entries)) {
                throw new ComposeFileException(file + ": 'ports' of service '" + name + "' must be a list");
            }
            for (Object entry : entries) {
                try {
                    ports.addAll(PublishedPort.parse(entry));
                } catch (PublishedPort.UnresolvedPortException e) {
                    unresolved.add(e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new ComposeFileException(file + ": service '" + name + "': " + e.getMessage());
                }
            }
        }

        ComposeService build() {
            return new ComposeService(name, builds, new ArrayList<>(ports), unresolved, optional);
        }
    }

    /** A compose file that is not one; the message names the file. */
    public static final class ComposeFileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public ComposeFileException(String message) {
            super(message);
        }
    }
}
