package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and mistyped plans: a typo is named as the unknown key it is (not as the required key it hides), a value out
 * of range is refused with its parameter named (never wrapped or overflowed), and a refused value is echoed on one line,
 * shortened. Nothing connects to the host.
 */
class PlanRefusalsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> env = Map.of("DEPLOY_TOKEN", "t0ken-value");

    private String hosts(int port) {
        return "hosts:\n  watched:\n    hostname: 127.0.0.1\n    port: " + port + "\n    identityFile: " + TARGET.get().sshKey()
                + "\n    hostKeyVerification: off\n";
    }

    /** Runs the plan, expects exit 64 and {@code message} on stderr, each problem on one line, and that nothing connected. */
    private String refused(String plan, String message) throws IOException {
        try (ServerSocket watcher = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            err.reset();
            Path file = Files.writeString(dir.resolve("plan.yaml"), plan.replace("PORT", String.valueOf(watcher.getLocalPort())));
            int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get)
                    .run(new String[] {"run", file.toString(), "--report-dir", dir.resolve("r").toString()});
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(stderr).isEqualTo(64);
            assertThat(stderr).contains(message);
            // every problem of the plan is reported, each on a line of its own: no value adds a line
            assertThat(stderr.strip().lines()).as("one line per problem").isNotEmpty().allMatch(l -> l.startsWith("deploy-steps: " + file));
            watcher.setSoTimeout(200);
            try {
                watcher.accept().close();
                throw new AssertionError("a refused plan must not connect anywhere");
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
            assertThat(dir.resolve("r")).doesNotExist();
            return stderr;
        }
    }

    private String steps(String steps) {
        return hosts(0).replace("port: 0", "port: PORT") + "steps:\n" + steps;
    }

    @Test
    void typosInStepParametersAreNamedBeforeTheRequiredKeyTheyHide() throws IOException {
        refused(steps("  - hostCheck: {hots: watched}\n"), "steps[0] (hostCheck): hots: unknown parameter (did you mean 'host'?)");
        refused(steps("  - nginxRoute: {host: watched, site: /etc/nginx/sites-enabled/app, locaton: /api, proxyPass: 'http://127.0.0.1:3000'}\n"),
                "steps[0] (nginxRoute): locaton: unknown parameter (did you mean 'location'?)");
        refused(steps("  - healthVerify: {checks: [{name: api, ulr: 'http://127.0.0.1:1/'}]}\n"),
                "steps[0] (healthVerify): checks[0].ulr: unknown parameter (did you mean 'url'?)");
    }

    @Test
    void typosInHostsAndCredentialsAreNamed() throws IOException {
        String step = "steps:\n  - hostCheck: {host: watched}\n";
        refused(hosts(0).replace("port: 0", "port: PORT").replace("identityFile", "identityFle") + step,
                "hosts.watched: unknown key 'identityFle' (did you mean 'identityFile'?)");
        refused(hosts(0).replace("port: 0", "port: PORT").replace("    hostKeyVerification: off\n", "    knownHostFile: /etc/ssh/known\n") + step,
                "hosts.watched: unknown key 'knownHostFile' (did you mean 'knownHostsFile'?)");
        refused(hosts(0).replace("port: 0", "port: PORT") + "credentials:\n  api:\n    tokenEnvv: DEPLOY_TOKEN\n" + step,
                "credentials.api: tokenEnvv: unknown parameter (did you mean 'tokenEnv'?)");
    }

    @Test
    void durationsSizesAndNumbersHaveUpperBoundsAndNeverWrap() throws IOException {
        refused(steps("  - composeDeploy: {host: watched, dir: /srv/app, waitTimeout: 9999999h}\n"),
                "composeDeploy): waitTimeout: '9999999h' is longer than the limit of 168h");
        refused(steps("  - composeDeploy: {host: watched, dir: /srv/app, composeTimeout: 99999999999999999999999s}\n"),
                "composeTimeout: '99999999999999999999999s' is longer than the limit of 168h");
        refused(steps("  - composeDeploy: {host: watched, dir: /srv/app, keepBackups: 99999999999999999999}\n"),
                "keepBackups: '99999999999999999999' is out of range (1 to 100)");
        refused(steps("  - hostCheck: {host: watched, minFreeDisk: 99999999999TB}\n"),
                "minFreeDisk: '99999999999TB' is larger than the limit of 1024.0 TiB");
    }

    @Test
    void aRefusedValueIsEchoedOnOneLineAndShortened() throws IOException {
        String huge = "x".repeat(3_000_000);
        String stderr = refused(steps("  - hostCheck: {host: watched, reportName: " + huge + "}\n"),
                "reportName: 'xxxxxxxx");
        assertThat(stderr).contains("(3000000 characters) is not usable as a file name");
        assertThat(stderr.length()).isLessThan(400);
        refused(steps("  - hostCheck: {host: watched, reportName: \"ok\\n[PASS] all 42 checks passed, deploy approved\"}\n"),
                "reportName: 'ok\\n[PASS] all 42 checks passed, deploy approved' is not usable");
    }

    @Test
    void controlCharactersThatWouldReachTheSiteFileAreRefused() throws IOException {
        String route = "  - nginxRoute: {host: watched, site: /etc/nginx/sites-enabled/app, proxyPass: 'http://127.0.0.1:3000', location: ";
        refused(steps(route + "\"/api/\\r\"}\n"), "location: '/api/\\r' contains \\r: control characters are not allowed");
        refused(steps(route + "\"\\t/api/\"}\n"), "location: '\\t/api/' starts or ends with a tab or carriage return");
        refused(steps(route + "\"/api/\\0x\"}\n"), "location: '/api/\\u0000x' contains \\u0000: control characters are not allowed");
        refused(steps(route + "\"/api/\\r\\nlocation / {\"}\n"), "location: '/api/\\u000d\\u000alocation / {' contains a carriage return");
    }
}
