package io.jenkins.plugins.deploysteps.templates;

import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rehearses a Jenkinsfile that calls the library's templates against local targets (scripts/demo-release):
 * {@code ReleaseRehearsal WORKSPACE JENKINSFILE NAME=TARGET_DIR...}. Each NAME is a host, reached through the sshd of
 * the target started in TARGET_DIR, with the first target's nginx commands. Exit code 0 when the script ended, 1 when
 * it failed (its one-line reason on stderr).
 */
public final class ReleaseRehearsal {
    private ReleaseRehearsal() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ReleaseRehearsal WORKSPACE JENKINSFILE NAME=TARGET_DIR...");
            System.exit(64);
        }
        Path workspace = Path.of(args[0]);
        String script = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        LocalTarget first = null;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            LocalTarget t = LocalTarget.attach(Path.of(kv[1]));
            first = first == null ? t : first;
            HostSpec plain = t.host(kv[0]);
            hosts.put(kv[0], plain.toBuilder().name(kv[0]).jumpHost(null)
                    .stepDefaults(HostStepDefaults.parse(null, first.get("NGINX_TEST_CMD"), first.get("NGINX_RELOAD_CMD"))).build());
        }
        Progress progress = new Progress((level, text) -> (level == ProgressSink.Level.WARNING ? System.err : System.out).println(text),
                new SecretMasker());
        EngineSteps steps = new EngineSteps((field, name) -> {
            HostSpec h = hosts.get(name);
            if (h == null) {
                throw new SpecException(field, "unknown host '" + name + "'; the hosts are: " + String.join(", ", hosts.keySet()));
            }
            return h;
        }, progress, "deploy-steps release rehearsal");
        LibraryPipeline pipeline = new LibraryPipeline(LibraryPipeline.repositoryLibrary(), workspace, steps, System.out::println);
        try {
            Object result = pipeline.run(script);
            System.out.println("rehearsal: finished; result " + result);
        } catch (PipelineAbort e) {
            System.err.println("rehearsal: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }
}
