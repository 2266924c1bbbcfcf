package io.jenkins.plugins.deploysteps.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of a Pipeline step: what crosses the channel, and what the engine does on the agent. */
class AgentStepRunTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path workspace;

    /** Stands in for the build's listener, which remoting exports to the agent as a proxy of the build log. */
    static final class Log implements TaskListener {
        private static final long serialVersionUID = 1L;
        /** Only the callable's own fields matter for what crosses the channel; the recorded bytes stay here. */
        private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String text() {
            synchronized (logger) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void thePayloadIsPlainSerializableValues() throws Exception {
        StepSpec spec = new HostCheck().bind(Params.of(Map.of("host", "local", "minFreeDisk", "1MB")));
        AgentStepRun run = new AgentStepRun("hostCheck", spec, Map.of("local", TARGET.get().host("local")), List.of("s3cret"), "jenkins: job #1", new Log(), "hostCheck");
        List<String> written = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                written.add(obj.getClass().getName());
                return obj;
            }
        }) {
            out.writeObject(run);
        }
        assertThat(written.get(0)).isEqualTo(AgentStepRun.class.getName());
        assertThat(written.subList(1, written.size()))
                .as("objects carried to the agent")
                .noneMatch(c -> c.startsWith("hudson.") || c.startsWith("jenkins.") || c.startsWith("org.jenkinsci.")
                        || c.startsWith("org.kohsuke.") || c.startsWith("com.cloudbees."))
                .contains(HostSpec.class.getName(), SshCredentials.PrivateKey.class.getName())
                .as("the build's TaskListener itself, which remoting sends as a proxy of the build log").contains(Log.class.getName());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(AgentStepRun.class);
        }
    }

    @Test
    void runsTheEngineInTheWorkspaceAndStreamsAMaskedLog() throws Exception {
        TargetRequirement.root("password login as the ds-sudo test user");
        String password = "ds-sudo-test-pw";
        HostSpec host = TARGET.get().host("local", "ds-sudo", new SshCredentials.Password(password),
                new HostKeyVerification(HostKeyMode.STRICT, TARGET.get().knownHosts(), null));
        // df names the missing path in its error, so the secret reaches the output, the check and the report.
        StepSpec spec = new HostCheck().bind(Params.of(Map.of("host", "local", "minFreeDisk", "1MB",
                "paths", List.of("/", "/nonexistent/" + password), "reportName", "pre")));
        Log log = new Log();

        AgentResult result = new AgentStepRun("hostCheck", spec, Map.of("local", host), List.of(), "jenkins: job #1", log, "pre").invoke(workspace.toFile(), null);

        assertThat(result.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.reportFiles()).containsExactly("deploy-reports/pre.xml", "deploy-reports/pre.json", "deploy-reports/pre.html");
        assertThat(log.text()).contains("[PASS] connect to local").contains("/nonexistent/****").doesNotContain(password);
        for (String file : result.reportFiles()) {
            assertThat(Files.readString(workspace.resolve(file))).as(file).contains("****").doesNotContain(password);
        }
        assertThat(result.report().toString()).doesNotContain(password);
        assertThat(result.learnedHostKeys()).isEmpty();
    }

    @Test
    void valuesOfThePipelinesSecretVariablesAreMaskedInTheLogAndEveryReport() throws Exception {
        // What withCredentials bound around the step, passed on as a parameter: df names the path, so it reaches the
        // command's output, the check and the report.
        String bound = "api-key-from-withCredentials";
        StepSpec spec = new HostCheck().bind(Params.of(Map.of("host", "local", "minFreeDisk", "1MB",
                "paths", List.of("/", "/nonexistent/" + bound), "reportName", "bound")));
        Log log = new Log();

        AgentResult result = new AgentStepRun("hostCheck", spec, Map.of("local", TARGET.get().host("local")), List.of(bound, "ab"),
                "jenkins: job #1", log, "bound").invoke(workspace.toFile(), null);

        assertThat(result.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(log.text()).contains("/nonexistent/****").doesNotContain(bound)
                .contains("hostCheck: 1 secret variable value(s) of the Pipeline are too short to be masked in logs and reports");
        for (String file : result.reportFiles()) {
            assertThat(Files.readString(workspace.resolve(file))).as(file).contains("/nonexistent/****").doesNotContain(bound);
        }
        assertThat(result.report().toString()).doesNotContain(bound);
    }

    @Test
    void theSecretVariablesAreTheValuesOfTheNamesTheExpanderMarks() {
        Map<String, String> env = Map.of("KEY", "v1", "TOKEN", "v2", "EMPTY", "", "PUBLIC", "p");
        assertThat(SensitiveValues.values(List.of("KEY", "TOKEN", "EMPTY", "UNSET"), env)).containsExactly("v1", "v2");
        assertThat(SensitiveValues.values(List.of(), env)).isEmpty();
    }

    @Test
    void aKeyAcceptedOnFirstUseComesBackForTheControllerToStore() throws IOException, InterruptedException {
        HostSpec tofu = TARGET.get().host("local", TARGET.get().sshUser(), TARGET.get().host("x").login().credentials(),
                new HostKeyVerification(HostKeyMode.ACCEPT_FIRST, List.of(), null));
        StepSpec spec = new HostCheck().bind(Params.of(Map.of("host", "local")));
        AgentResult result = new AgentStepRun("hostCheck", spec, Map.of("local", tofu), List.of(), "jenkins: job #1", new Log(), "hostCheck").invoke(workspace.toFile(), null);
        assertThat(result.learnedHostKeys()).containsKey("local");
        assertThat(TARGET.get().knownHosts()).contains(result.learnedHostKeys().get("local"));
    }
}
