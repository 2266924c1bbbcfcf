package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.yaml.StrictYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a plan file: {@code hosts:} (name → how to reach it), {@code credentials:} (ID → where its value comes
 * from, as Jenkins credentials are named in a Jenkinsfile) and {@code steps:} (a list of {@code stepName:
 * {parameters}}). Secrets never sit in a plan: keys and CA bundles come from files, passwords, passphrases and
 * tokens from environment variables named in the plan.
 */
public final class PlanLoader {
    private final Function<String, String> env;
    private PlanMarks marks = PlanMarks.none();

    public PlanLoader(Function<String, String> env) {
        this.env = env;
    }

    public Plan load(Path file) throws PlanException {
        List<String> problems = new ArrayList<>();
        Plan plan = load(file, problems);
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return plan;
    }

    /**
     * Reads every entry even after one is bad, adding each problem to {@code problems}, so a plan's author sees them all at
     * once; the plan returned holds the good entries. Throws only when the file cannot be read as a plan at all.
     */
    public Plan load(Path file, List<String> problems) throws PlanException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read the plan (" + e.getMessage() + ")");
        }
        Object root;
        try {
            root = StrictYaml.create().load(text);
            marks = PlanMarks.of(StrictYaml.create().compose(new java.io.StringReader(text)));
        } catch (YAMLException e) {
            throw new PlanException(file + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new PlanException(file + ": a plan is a map with 'hosts:' and 'steps:'");
        }
        for (Object key : top.keySet()) {
            if (!"hosts".equals(key) && !"steps".equals(key) && !"credentials".equals(key)) {
                throw new PlanException(marks.at(file, String.valueOf(key)) + ": unknown top-level key '" + key + "'"
                        + Suggestions.hint(String.valueOf(key), List.of("hosts", "credentials", "steps")) + " (a plan has 'hosts:', 'credentials:' and 'steps:')");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, Map<String, Object>> rawHosts = collect(problems, () -> section(file, "hosts", top.get("hosts")), Map.of());
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        PlanHosts planHosts = new PlanHosts(env, marks, file, base, rawHosts);
        for (String name : rawHosts.keySet()) {
            collect(problems, () -> planHosts.host(name, hosts), null);
        }
        Map<String, Credential> credentials = new LinkedHashMap<>();
        Map<String, Map<String, Object>> rawCredentials = collect(problems, () -> section(file, "credentials", top.get("credentials")), Map.of());
        for (Map.Entry<String, Map<String, Object>> e : rawCredentials.entrySet()) {
            collect(problems, () -> credentials.put(e.getKey(), credential(file, base, e.getKey(), e.getValue())), null);
        }
        List<Plan.PlanStep> steps = collect(problems, () -> steps(file, top.get("steps")), List.of());
        java.util.Set<String> unusable = new java.util.HashSet<>(rawHosts.keySet());
        unusable.removeAll(hosts.keySet());
        return new Plan(file, hosts, credentials, steps, marks, unusable);
    }

    private interface PlanPart<T> {
        T read() throws PlanException;
    }

    private static <T> T collect(List<String> problems, PlanPart<T> part, T otherwise) {
        try {
            return part.read();
        } catch (PlanException e) {
            problems.addAll(e.problems());
            return otherwise;
        }
    }

    private static Map<String, Map<String, Object>> section(Path file, String key, Object value) throws PlanException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new PlanException(file + ": '" + key + ":' must be a map of name to settings");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> settings)) {
                throw new PlanException(file + ": " + key + "." + e.getKey() + " must be a map of settings");
            }
            out.put(String.valueOf(e.getKey()), stringKeys(settings));
        }
        return out;
    }

    /**
     * One entry of {@code credentials:}: {@code tokenEnv} (secret text), {@code passwordEnv} with {@code username}
     * or {@code usernameEnv} (user name and password), or {@code file} (a secret file, such as a CA bundle).
     */
    private Credential credential(Path file, Path base, String id, Map<String, Object> settings) throws PlanException {
        Params p = Params.of(settings);
        try {
            boolean token = p.has("tokenEnv");
            boolean password = p.has("passwordEnv");
            boolean secretFile = p.has("file");
            if ((token ? 1 : 0) + (password ? 1 : 0) + (secretFile ? 1 : 0) != 1) {
                throw new SpecException("tokenEnv", "give exactly one of tokenEnv (secret text), passwordEnv with username or "
                        + "usernameEnv (user name and password), or file (a secret file such as a CA bundle)");
            }
            Credential c;
            if (token) {
                c = new Credential.SecretText(fromEnv(p, "tokenEnv"));
            } else if (password) {
                String user = p.has("usernameEnv") ? fromEnv(p, "usernameEnv") : p.requiredString("username");
                c = new Credential.UsernamePassword(user, fromEnv(p, "passwordEnv"));
            } else {
                Path path = resolve(base, p.requiredString("file"));
                try {
                    c = new Credential.SecretFile(String.valueOf(path.getFileName()), Files.readAllBytes(path));
                } catch (IOException e) {
                    throw new SpecException("file", "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            p.done();
            return c;
        } catch (SpecException e) {
            SpecException cause = p.typoBehind(e);
            throw new PlanException(marks.at(file, "credentials." + id + "." + cause.field()) + ": credentials." + id + ": " + cause.getMessage());
        }
    }

    private String fromEnv(Params p, String field) {
        return fromEnv(env, p, field);
    }

    /** The value of the environment variable a plan's setting names; it must be set. */
    static String fromEnv(Function<String, String> env, Params p, String field) {
        String variable = p.requiredString(field);
        String value = env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new SpecException(field, "environment variable " + variable + " is not set");
        }
        return value;
    }

    /** A plan's path: {@code ~} is the home folder, and a relative path is relative to the plan file. */
    static Path resolve(Path base, String path) {
        String expanded = path.replaceFirst("^~(?=/|$)", System.getProperty("user.home").replace("\\", "\\\\"));
        Path p = Path.of(expanded);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }

    private static List<Plan.PlanStep> steps(Path file, Object value) throws PlanException {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new PlanException(file + ": 'steps:' must be a non-empty list of '- stepName: {parameters}'");
        }
        List<Plan.PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> m) || m.size() != 1) {
                throw new PlanException(file + ": steps[" + i + "] must be a single 'stepName: {parameters}' entry");
            }
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            Object params = e.getValue() == null ? Map.of() : e.getValue();
            if (!(params instanceof Map<?, ?> pm)) {
                throw new PlanException(file + ": steps[" + i + "] (" + e.getKey() + ") parameters must be a map");
            }
            steps.add(new Plan.PlanStep(i, String.valueOf(e.getKey()), stringKeys(pm)));
        }
        return steps;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
