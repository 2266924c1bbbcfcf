package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.yaml.StrictYaml;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file of a blue-green deploy's temporary copy, rendered from what {@code compose config} says the
 * project is: only the routed services, renamed ({@code backend} as {@code backend-next}, so container DNS never
 * sends the project's own traffic to an unverified copy), from the images just built, with the routed port
 * published on a free host port and every other published port left out. Networks and named volumes are the
 * project's own, declared external, so the copy joins the same network and sees the same data, and nothing new
 * and empty is ever created for it.
 *
 * <p>The rendered file holds the environment values compose resolved: it is written with mode 600 and never
 * printed.
 */
final class NewCopy {
    static final String SUFFIX = "-next";
    private static final List<String> DROPPED = List.of("build", "container_name", "depends_on", "links", "ports", "networks", "extends",
            "profiles", "image", "external_links");

    private NewCopy() {}

    /** The temporary project's name. */
    static String project(String project) {
        return project + SUFFIX;
    }

    static String service(String service) {
        return service + SUFFIX;
    }

    /** A rendered copy: the compose file's text and, per routed service, the temporary host port. */
    record Rendered(String yaml, Map<String, Integer> ports) {}

    /**
     * @param config {@code compose config}'s output
     * @param published per routed service, its published host port nginx reaches it on
     * @param containerPorts per routed service, the container port behind it
     * @param temporary per routed service, the free host port its copy publishes instead
     */
    @SuppressWarnings("unchecked")
    static Rendered render(String config, String project, ComposeFlavor flavor, Map<String, Integer> containerPorts,
            Map<String, String> hostIps, Map<String, Integer> temporary) {
        Object root = StrictYaml.create().load(config);
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
            throw new IllegalArgumentException("compose config printed no services");
        }
        Map<String, Object> networks = map(top.get("networks"));
        Map<String, Object> volumes = map(top.get("volumes"));
        Map<String, Object> outServices = new LinkedHashMap<>();
        Map<String, Object> outNetworks = new LinkedHashMap<>();
        Map<String, Object> outVolumes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> routed : temporary.entrySet()) {
            String name = routed.getKey();
            Map<String, Object> s = map(services.get(name));
            if (s.isEmpty()) {
                throw new IllegalArgumentException("compose config has no service " + name);
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("image", s.get("image") != null ? s.get("image") : builtImage(flavor, project, name));
            s.forEach((k, v) -> {
                if (!DROPPED.contains(k)) {
                    copy.put(k, v);
                }
            });
            String ip = hostIps.getOrDefault(name, "127.0.0.1");
            copy.put("ports", List.of((ip.isEmpty() ? "" : ip + ":") + routed.getValue() + ":" + containerPorts.get(name) + "/tcp"));
            List<String> joined = new ArrayList<>();
            Object n = s.get("networks");
            Collection<?> names = n instanceof Map<?, ?> m ? m.keySet() : n instanceof Collection<?> c ? c : List.of("default");
            for (Object net : names) {
                String key = String.valueOf(net);
                joined.add(key);
                outNetworks.put(key, external(map(networks.get(key)), project, key));
            }
            copy.put("networks", joined);
            if (s.get("volumes") instanceof Collection<?> mounts) {
                for (Object mount : mounts) {
                    String source = volumeSource(mount);
                    if (source != null && volumes.containsKey(source)) {
                        outVolumes.put(source, external(map(volumes.get(source)), project, source));
                    }
                }
            }
            outServices.put(service(name), copy);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (top.get("version") != null) {
            out.put("version", String.valueOf(top.get("version")));
        }
        out.put("services", outServices);
        out.put("networks", outNetworks);
        if (!outVolumes.isEmpty()) {
            out.put("volumes", outVolumes);
        }
        for (String shared : List.of("secrets", "configs")) {
            if (top.get(shared) != null) {
                out.put(shared, top.get(shared));
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Rendered(new Yaml(options).dump(out), Map.copyOf(temporary));
    }

    /** A port a service publishes, as compose config resolved it. */
    record Mapping(String hostIp, int published, int target) {}

    /** The published TCP ports of {@code service} in compose config's output (short or long syntax). */
    static List<Mapping> mappings(String config, String service) {
        Object root = StrictYaml.create().load(config);
        Map<String, Object> services = root instanceof Map<?, ?> top ? map(top.get("services")) : Map.of();
        List<Mapping> out = new ArrayList<>();
        if (!(map(services.get(service)).get("ports") instanceof Collection<?> ports)) {
            return out;
        }
        for (Object p : ports) {
            if (p instanceof Map<?, ?> m) {
                if (m.get("published") != null && m.get("target") != null && !"udp".equals(String.valueOf(m.get("protocol")))) {
                    out.add(new Mapping(m.get("host_ip") == null ? "" : String.valueOf(m.get("host_ip")),
                            Integer.parseInt(String.valueOf(m.get("published"))), Integer.parseInt(String.valueOf(m.get("target")))));
                }
                continue;
            }
            String spec = String.valueOf(p);
            if (spec.endsWith("/udp")) {
                continue;
            }
            String[] f = spec.replaceFirst("/tcp$", "").split(":");
            try {
                if (f.length == 3 && !f[1].isEmpty()) {
                    out.add(new Mapping(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
                } else if (f.length == 2) {
                    out.add(new Mapping("", Integer.parseInt(f[0]), Integer.parseInt(f[1])));
                }
            } catch (NumberFormatException e) {
                // a range or something compose picks itself: not a port nginx can be pointed at
            }
        }
        return out;
    }

    /** The name compose gives an image it builds for a service without {@code image:}. */
    static String builtImage(ComposeFlavor flavor, String project, String service) {
        return flavor == ComposeFlavor.DOCKER_COMPOSE ? project + "-" + service : project + "_" + service;
    }

    /** The project's network or volume as an external one: the name it has on the host. */
    private static Map<String, Object> external(Map<String, Object> declared, String project, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("external", true);
        Object name = declared.get("name");
        Object ext = declared.get("external");
        if (ext instanceof Map<?, ?> m && m.get("name") != null) {
            name = m.get("name");
        }
        boolean alreadyExternal = Boolean.TRUE.equals(ext) || ext instanceof Map<?, ?>;
        out.put("name", name != null ? String.valueOf(name) : alreadyExternal ? key : project + "_" + key);
        return out;
    }

    /** The named volume a mount uses ({@code data:/data:rw}, {@code {type: volume, source: data}}), or null for a bind mount. */
    private static String volumeSource(Object mount) {
        if (mount instanceof Map<?, ?> m) {
            return "volume".equals(String.valueOf(m.get("type"))) && m.get("source") != null ? String.valueOf(m.get("source")) : null;
        }
        String spec = String.valueOf(mount);
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String source = spec.substring(0, colon);
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~") ? null : source;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return new LinkedHashMap<>();
    }
}
