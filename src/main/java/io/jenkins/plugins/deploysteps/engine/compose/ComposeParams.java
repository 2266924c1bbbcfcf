package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The parameters composeDeploy and composeRollback share: one vocabulary, one set of rules, one set of docs. */
final class ComposeParams {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_COMPOSE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(2);
    static final Duration DEFAULT_STABLE_FOR = Duration.ofSeconds(5);
    static final int DEFAULT_LOGS_TAIL = 50;

    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    static final List<ParamDoc> TARGET_DOCS = List.of(
            new ParamDoc("host", "string", "(required)", "A configured host name."),
            new ParamDoc("dir", "string", "(required)", "The compose project's directory on the host (absolute)."),
            new ParamDoc("project", "string", "dir's name, as compose derives it", "The compose project name (-p)."),
            new ParamDoc("files", "list of strings", "what compose picks: compose.yaml ... docker-compose.yml (+ override)",
                    "Compose files, relative to dir or absolute."),
            new ParamDoc("composeCommand", "string", "the host's, else 'auto'",
                    "'auto' (docker compose, then docker-compose, then podman-compose), or one of them."),
            new ParamDoc("services", "list of strings", "every service", "Services to deploy and verify."),
            new ParamDoc("backupDir", "string", "'~/.deploy-steps/backups/<project>'", "Where backups are kept on the host."));

    static final List<ParamDoc> VERIFY_DOCS = List.of(
            new ParamDoc("waitTimeout", "duration", "'2m'", "How long the containers get to be running, healthy and stable."),
            new ParamDoc("stableFor", "duration", "'5s'", "How long each container must run without a restart to count as up."),
            new ParamDoc("logsTail", "number", "50", "Lines of each service's log kept in the report."),
            new ParamDoc("failOnLogPattern", "list of regexes", "[]", "A log line matching one fails the deploy."),
            new ParamDoc("warnOnLogPattern", "list of regexes", "[]", "A log line matching one makes the build UNSTABLE."),
            new ParamDoc("lockTimeout", "duration", "'5m'", "How long to wait for another deploy to the same dir."),
            new ParamDoc("timeout", "duration", "'30s'", "Timeout of each quick remote command."),
            new ParamDoc("composeTimeout", "duration", "'10m'", "Timeout of each compose down, pull, build and up."),
            new ParamDoc("dryRun", "boolean", "false", "Check and print every command that would change the host; change nothing."));

    private ComposeParams() {}

    static ComposeTarget target(Params p) {
        String host = p.requiredString("host");
        String dir = p.requiredString("dir");
        String problem = RemoteBackups.pathProblem(dir);
        if (problem != null) {
            throw new SpecException(p.path("dir"), problem);
        }
        dir = dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        String project = p.optionalString("project").orElse(null);
        if (project == null) {
            project = projectName(dir);
            if (project.isEmpty()) {
                throw new SpecException(p.path("project"), "cannot be derived from dir '" + dir + "': set it");
            }
        } else if (!PROJECT.matcher(project).matches()) {
            throw new SpecException(p.path("project"), "'" + project + "' is not a compose project name: lower-case letters, digits, '-' and '_'");
        }
        List<String> files = paths(p, "files");
        String command = p.optionalString("composeCommand").orElse(null);
        if (command != null && !ComposeFlavor.choices().contains(command)) {
            throw new SpecException(p.path("composeCommand"), "'" + command + "' is not one of '" + String.join("', '", ComposeFlavor.choices()) + "'");
        }
        String backupDir = p.string("backupDir", "~/.deploy-steps/backups/" + project);
        String backupProblem = RemoteBackups.pathProblem(backupDir.startsWith("~/") ? backupDir.substring(1) : backupDir);
        if (backupProblem != null) {
            throw new SpecException(p.path("backupDir"), backupProblem + " (or start with ~/ for the SSH user's home)");
        }
        return new ComposeTarget(host, dir, project, files, command, backupDir);
    }

    /** Compose's own rule: the directory's name in lower case, without characters a project name cannot have. */
    static String projectName(String dir) {
        String base = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return base.replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", "");
    }

    static VerifySettings verify(Params p) {
        List<String> services = p.stringList("services");
        for (int i = 0; i < services.size(); i++) {
            if (!SERVICE.matcher(services.get(i)).matches()) {
                throw new SpecException(p.path("services") + "[" + i + "]", "'" + services.get(i) + "' is not a service name");
            }
        }
        Duration stableFor = p.optionalDuration("stableFor").orElse(DEFAULT_STABLE_FOR);
        return new VerifySettings(services, p.duration("waitTimeout", DEFAULT_WAIT_TIMEOUT), stableFor,
                p.integer("logsTail", DEFAULT_LOGS_TAIL, 0, 10_000), patterns(p, "failOnLogPattern"), patterns(p, "warnOnLogPattern"));
    }

    static ComposeTimeouts timeouts(Params p) {
        return new ComposeTimeouts(p.duration("timeout", DEFAULT_TIMEOUT), p.duration("composeTimeout", DEFAULT_COMPOSE_TIMEOUT),
                p.duration("lockTimeout", DEFAULT_LOCK_TIMEOUT));
    }

    /** Paths on the host, relative to dir or absolute; each must fit a backup manifest (no tabs or line breaks). */
    static List<String> paths(Params p, String name) {
        List<String> paths = p.stringList(name);
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            String problem = RemoteBackups.pathProblem(path.startsWith("/") ? path : "/" + path);
            if (problem != null || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
                throw new SpecException(p.path(name) + "[" + i + "]",
                        problem != null ? problem.replace("'/" + path + "'", "'" + path + "'") : "'" + path + "' must stay inside dir or be absolute");
            }
        }
        return paths;
    }

    private static List<Pattern> patterns(Params p, String name) {
        List<String> texts = p.stringList(name);
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(Pattern.compile(texts.get(i)));
            } catch (PatternSyntaxException e) {
                throw new SpecException(p.path(name) + "[" + i + "]", "'" + texts.get(i) + "' is not a regular expression: " + e.getDescription());
            }
        }
        return out;
    }
}
