package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The parameters composeDeploy and composeRollback share: one vocabulary, one set of rules, one set of docs. */
final class ComposeParams {
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    static final Param<String> HOST = Param.requiredString("host").doc("a configured host");
    static final Param<String> DIR = Param.requiredString("dir").doc("the project directory on the host (absolute)").rule((path, dir) -> {
        String problem = RemoteBackups.pathProblem(dir);
        if (problem != null) {
            throw new SpecException(path, problem);
        }
    });
    static final Param<String> PROJECT_NAME = Param.string("project").shownDefault("`dir`'s name, as compose derives it")
            .doc("compose project name (`-p`); set it if you use `COMPOSE_PROJECT_NAME`").rule((path, project) -> {
                if (!PROJECT.matcher(project).matches()) {
                    throw new SpecException(path, "'" + project + "' is not a compose project name: lower-case letters, digits, '-' and '_'");
                }
            });
    static final Param<List<String>> FILES = paths("files").shownDefault("what compose picks")
            .doc("compose files, relative to `dir` or absolute, passed as `-f`");
    static final Param<String> COMPOSE_COMMAND = Param.string("composeCommand").shownDefault("host's, else `'auto'`")
            .doc("`'auto'`, `'docker compose'`, `'docker-compose'` or `'podman-compose'`").rule(ComposeFlavor::requireChoice);
    static final Param<List<String>> SERVICES = Param.strings("services", List.of()).shownDefault("every service without `profiles`")
            .doc("services to deploy and verify").rule(Param.eachEntry((path, service) -> {
                if (!SERVICE.matcher(service).matches()) {
                    throw new SpecException(path, "'" + service + "' is not a service name");
                }
            }));
    static final Param<String> BACKUP_DIR = Param.string("backupDir").shownDefault("`'~/.deploy-steps/backups/<project>'`")
            .doc("where backups live on the host (absolute, or `~/` for the SSH user's home)");
    static final Param<Duration> WAIT_TIMEOUT = Param.duration("waitTimeout", Duration.ofMinutes(2)).doc("time for the containers to be up (every duration: at most `168h`)");
    static final Param<Duration> STABLE_FOR = Param.optionalDuration("stableFor").withDefault(Duration.ofSeconds(5))
            .doc("how long each container must run without a restart to count");
    static final Param<Integer> LOGS_TAIL = Param.integer("logsTail", 50, 0, 10_000).doc("log lines per service kept in the report");
    static final Param<List<Pattern>> FAIL_ON_LOG_PATTERN = patterns("failOnLogPattern").doc("a matching log line fails the deploy (and rolls back); each "
            + "line is searched up to 8192 characters, and a pattern that takes longer than 1 s over the log or runs out of stack is an ERROR naming "
            + "it (and rolls back too)");
    static final Param<List<Pattern>> WARN_ON_LOG_PATTERN = patterns("warnOnLogPattern").doc("a matching log line makes the build UNSTABLE");
    static final Param<Duration> LOCK_TIMEOUT = Param.duration("lockTimeout", Duration.ofMinutes(5)).doc("wait for another deploy to the same `dir`");
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(30)).doc("each quick remote command");
    static final Param<Duration> COMPOSE_TIMEOUT = Param.duration("composeTimeout", Duration.ofMinutes(10)).doc("each compose down, pull, build and up");
    static final Param<Boolean> DRY_RUN = Param.bool("dryRun", false).doc("check and print, change nothing");

    /** Which project: the parameters before a step's own. */
    static final ParamSet TARGET = ParamSet.of(HOST, DIR, PROJECT_NAME, FILES, COMPOSE_COMMAND, SERVICES, BACKUP_DIR);
    /** How it is verified, and the bounds on waiting: the parameters after a step's own. */
    static final ParamSet VERIFY = ParamSet.of(WAIT_TIMEOUT, STABLE_FOR, LOGS_TAIL, FAIL_ON_LOG_PATTERN, WARN_ON_LOG_PATTERN, LOCK_TIMEOUT, TIMEOUT,
            COMPOSE_TIMEOUT, DRY_RUN);

    private ComposeParams() {}

    /** A step's declarations: the project, its own, verification and timeouts, then the ones every step shares. */
    static ParamSet declarations(String stepName, ParamSet own) {
        return TARGET.plus(own).plus(VERIFY).plus(CommonParams.declarations(stepName));
    }

    static ComposeTarget target(Params p) {
        String host = p.get(HOST);
        String dir = p.get(DIR);
        dir = dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        String project = p.get(PROJECT_NAME);
        if (project == null) {
            project = projectName(dir);
            if (project.isEmpty()) {
                throw new SpecException(p.path("project"), "cannot be derived from dir '" + dir + "': set it");
            }
        }
        List<String> files = p.get(FILES);
        String command = p.get(COMPOSE_COMMAND);
        String backupDir = p.get(BACKUP_DIR);
        backupDir = backupDir == null ? "~/.deploy-steps/backups/" + project : backupDir;
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
        List<String> services = p.get(SERVICES);
        Duration stableFor = p.get(STABLE_FOR);
        return new VerifySettings(services, p.get(WAIT_TIMEOUT), stableFor, p.get(LOGS_TAIL), p.get(FAIL_ON_LOG_PATTERN), p.get(WARN_ON_LOG_PATTERN));
    }

    static ComposeTimeouts timeouts(Params p) {
        return new ComposeTimeouts(p.get(TIMEOUT), p.get(COMPOSE_TIMEOUT), p.get(LOCK_TIMEOUT));
    }

    /** Paths on the host, relative to dir or absolute; each must fit a backup manifest (no tabs or line breaks). */
    static Param<List<String>> paths(String name) {
        return Param.strings(name, List.of()).rule(Param.eachEntry((at, path) -> {
            String problem = RemoteBackups.pathProblem(path.startsWith("/") ? path : "/" + path);
            if (problem != null || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
                throw new SpecException(at, problem != null ? problem.replace("'/" + path + "'", "'" + path + "'") : "'" + path + "' must stay inside dir or be absolute");
            }
        }));
    }

    /** Regular expressions, one per entry; a bad one is refused with the reason the JDK gives. */
    private static Param<List<Pattern>> patterns(String name) {
        return Param.<Pattern>list(name, "list of regexes", (at, text) -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new SpecException(at, "'" + text + "' is not a regular expression: " + e.getDescription());
            }
        });
    }
}
