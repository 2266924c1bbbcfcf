package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostRules;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan's {@code hosts:} read into the engine's hosts, by the engine's host rules ({@link HostRules}): each entry
 * with its login (a key file, a password from the environment, or the running ssh-agent), its host keys, its jump host
 * (built first) and the step defaults it gives, all checked before anything connects.
 */
final class PlanHosts {
    static final List<String> HOST_KEYS = List.of("hostname", "port", "user", "identityFile", "passphraseEnv", "passwordEnv",
            "knownHosts", "knownHostsFile", "hostKeyVerification", "jumpHost", "sudo", "connectTimeout", "keepAlive", "connectRetries",
            HostStepDefaults.COMPOSE_COMMAND, HostStepDefaults.NGINX_TEST_COMMAND, HostStepDefaults.NGINX_RELOAD_COMMAND);

    private final Function<String, String> env;
    private final PlanMarks marks;
    private final Path file;
    private final Path base;
    private final Map<String, Map<String, Object>> raw;

    /** @param raw the entries of {@code hosts:}, by name */
    PlanHosts(Function<String, String> env, PlanMarks marks, Path file, Path base, Map<String, Map<String, Object>> raw) {
        this.env = env;
        this.marks = marks;
        this.file = file;
        this.base = base;
        this.raw = raw;
    }

    /** Builds a host, first building the jump host it names, and refuses jump-host cycles; {@code done} keeps what is built. */
    HostSpec host(String name, Map<String, HostSpec> done) throws PlanException {
        if (done.containsKey(name)) {
            return done.get(name);
        }
        String where = "hosts." + name;
        Optional<List<String>> cycle = HostRules.jumpCycle(name, n -> raw.containsKey(n) && raw.get(n).get("jumpHost") instanceof String j ? j : null);
        if (cycle.isPresent()) {
            throw new PlanException(marks.at(file, where + ".jumpHost") + ": " + where + ": jumpHost: cycle " + HostRules.chain(cycle.get()));
        }
        requireKnown(where, raw.get(name).keySet());
        Params p = Params.of(raw.get(name));
        try {
            HostSpec.requireName(name);
            HostSpec jump = null;
            if (p.has("jumpHost")) {
                String jumpName = p.requiredString("jumpHost");
                if (!raw.containsKey(jumpName)) {
                    throw new SpecException("jumpHost", HostRules.unknownHost(jumpName));
                }
                jump = host(jumpName, done);
            }
            HostSpec spec = HostSpec.builder(name, p.requiredString("hostname")).port(p.integer("port", 22, 1, 65535))
                    .login(p.string("user", System.getProperty("user.name")), credentials(p)).hostKeys(hostKeys(p)).jumpHost(jump)
                    .sudo(p.bool("sudo", false)).timing(timing(p)).stepDefaults(stepDefaults(p)).build();
            p.done();
            done.put(name, spec);
            return spec;
        } catch (SpecException e) {
            SpecException cause = p.typoBehind(e);
            throw new PlanException(marks.at(file, where + "." + cause.field()) + ": " + where + ": " + cause.getMessage());
        }
    }

    /**
     * Unknown keys first, each with its place and the key it probably meant: a typo in {@code hostname} must say so,
     * not that {@code hostname} is missing.
     */
    private void requireKnown(String where, Iterable<String> keys) throws PlanException {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (!HOST_KEYS.contains(key)) {
                problems.add(marks.at(file, where + "." + key) + ": " + where + ": unknown key '" + key + "'" + Suggestions.hint(key, HOST_KEYS)
                        + "; known keys: " + String.join(", ", HOST_KEYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
    }

    private SshCredentials credentials(Params p) {
        boolean key = p.has("identityFile");
        boolean password = p.has("passwordEnv");
        String agent = env.apply("SSH_AUTH_SOCK");
        if (!key && !password && agent != null && !agent.isEmpty()) {
            // As ssh does: with no key named, the keys of the running ssh-agent.
            return new SshCredentials.Agent(agent);
        }
        if (key == password) {
            throw new SpecException("identityFile", "give exactly one of identityFile (a private key file) or passwordEnv "
                    + "(an environment variable holding the password), or run an ssh-agent (SSH_AUTH_SOCK) holding the key");
        }
        if (password) {
            return new SshCredentials.Password(PlanLoader.fromEnv(env, p, "passwordEnv"));
        }
        Path keyFile = PlanLoader.resolve(base, p.requiredString("identityFile"));
        String keyText;
        try {
            keyText = Files.readString(keyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException("identityFile", "cannot read " + keyFile + " (" + e.getClass().getSimpleName() + ")");
        }
        String passphrase = p.has("passphraseEnv") ? PlanLoader.fromEnv(env, p, "passphraseEnv") : null;
        return new SshCredentials.PrivateKey(keyText, passphrase);
    }

    private HostKeyVerification hostKeys(Params p) {
        HostKeyMode mode = p.choice("hostKeyVerification", HostKeyMode.class, HostKeyMode.STRICT);
        List<String> lines = p.stringList("knownHosts");
        String known = p.optionalString("knownHostsFile").map(f -> PlanLoader.resolve(base, f).toString()).orElse(null);
        if (HostRules.lacksKeys(mode, lines, known)) {
            // As ssh does: with no keys in the plan, the user's own known_hosts decides.
            Path own = userKnownHosts();
            if (!Files.isReadable(own)) {
                throw new SpecException("knownHosts", HostRules.STRICT_NEEDS_KEYS + "knownHosts (known_hosts lines), "
                        + "knownHostsFile, or " + own + "; to trust the first key seen, set hostKeyVerification: acceptFirst");
            }
            known = own.toString();
        }
        return new HostKeyVerification(mode, lines, known);
    }

    /** {@code ~/.ssh/known_hosts}, with {@code ~} from {@code HOME} as the shell expands it. */
    private Path userKnownHosts() {
        String home = env.apply("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".ssh", "known_hosts");
    }

    private static HostSpec.Timing timing(Params p) {
        return new HostSpec.Timing(p.duration("connectTimeout", HostSpec.DEFAULT_CONNECT_TIMEOUT), p.duration("keepAlive", HostSpec.DEFAULT_KEEP_ALIVE),
                p.integer("connectRetries", HostSpec.DEFAULT_CONNECT_RETRIES, 0, 10));
    }

    private static HostStepDefaults stepDefaults(Params p) {
        return HostStepDefaults.parse(p.optionalString(HostStepDefaults.COMPOSE_COMMAND).orElse(null),
                p.optionalString(HostStepDefaults.NGINX_TEST_COMMAND).orElse(null), p.optionalString(HostStepDefaults.NGINX_RELOAD_COMMAND).orElse(null));
    }
}
