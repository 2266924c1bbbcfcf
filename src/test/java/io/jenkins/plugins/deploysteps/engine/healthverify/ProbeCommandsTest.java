package io.jenkins.plugins.deploysteps.engine.healthverify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.Origin;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe commands as the host's shell receives them, and what their output reads back as. */
class ProbeCommandsTest {
    private static final URI URL = URI.create("http://backend:3000/health");
    private static final Origin HOST = new Origin("prod-1", null);
    private static final Origin CONTAINER = new Origin("prod-1", "frontend");

    private static HttpRequestSpec request() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("X-Quote", "a \"b\" \\ c");
        return new HttpRequestSpec("POST", URL, headers, "{\"a\":\n1}", new HttpAuth.Bearer("t0k3n"), Duration.ofMillis(2500), true);
    }

    @Test
    void curlReadsEveryOptionFromStdinSoNothingSecretIsOnItsCommandLine() {
        assertThat(ProbeCommands.curl(request(), HOST).render()).isEqualTo("curl --config - --url http://backend:3000/health");
        assertThat(ProbeCommands.curl(request(), CONTAINER).render()).isEqualTo("docker exec -i frontend curl --config - --url http://backend:3000/health");
        assertThat(ProbeCommands.curlConfig(request(), "n0nce")).isEqualTo("""
                silent
                show-error
                max-time = 2.500
                request = "POST"
                header = "Accept: application/json"
                header = "X-Quote: a \\"b\\" \\\\ c"
                header = "Authorization: Bearer t0k3n"
                data-binary = "{\\"a\\":\\n1}"
                location
                max-redirs = 10
                dump-header = "-"
                output = "-"
                write-out = "\\n@@deploy-steps-probe:n0nce %{http_code} %{time_total}\\n"
                """);
        assertThat(ProbeCommands.curl(request(), HOST).render()).doesNotContain("t0k3n");
    }

    @Test
    void theHostsCurlJoinsTheNetworkOfAContainerWithNoToolAndWithSudoOnlyDockerAndNsenterAskForRoot() {
        String script = "pid=$(%sdocker inspect -f '\\''{{.State.Pid}}'\\'' -- \"$1\") || exit 94\n"
                + "case $pid in '\\'''\\''|0|*[!0-9]*) echo \"container $1 is not running\" >&2; exit 94 ;; esac\n"
                + "command -v curl >/dev/null 2>&1 || { echo \"curl: not found on the host\" >&2; exit 127; }\n"
                + "command -v nsenter >/dev/null 2>&1 || { echo \"nsenter: not found on the host\" >&2; exit 127; }\n"
                + "exec %snsenter --target \"$pid\" --net -- curl --config - --url \"$2\"";
        assertThat(ProbeCommands.curlInNetworkOf(request(), "frontend").render())
                .isEqualTo("sh -c '" + script.formatted("", "") + "' sh frontend http://backend:3000/health");
        assertThat(RemoteCommand.of(ProbeCommands.curlInNetworkOf(request(), "frontend"), Duration.ofSeconds(5)).sudo(true).line())
                .isEqualTo("sh -c '" + script.formatted("sudo -n -- ", "sudo -n -- ") + "' sh frontend http://backend:3000/health");
        assertThat(ProbeCommands.curlInNetworkOf(request(), "frontend").render()).doesNotContain("t0k3n");
        assertThat(ProbeCommands.namespaceRefused(exec(1, "", "nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted\n"))).isTrue();
        assertThat(ProbeCommands.namespaceRefused(exec(7, "", "curl: (7) Failed to connect to backend port 3000\n"))).isFalse();
    }

    @Test
    void whenTheHostsCurlCannotJoinTheNamespaceTheMessageSaysWhatToInstallOrAllow() {
        ExecResult refused = exec(1, "", "nsenter: cannot open /proc/4242/ns/net: Permission denied\n");
        assertThat(RemoteProbes.hostCurlCannot("prod-1", false, refused)).isEqualTo("joining the container's network namespace needs root "
                + "(nsenter: cannot open /proc/4242/ns/net: Permission denied): turn sudo on for host prod-1 and allow nsenter and the container "
                + "engine in its sudoers rule (see healthVerify's sudo rules); or add curl or busybox to the image, or probe the container's published port from the host");
        assertThat(RemoteProbes.hostCurlCannot("prod-1", true, refused)).startsWith("joining the container's network namespace needs root "
                + "(nsenter: cannot open /proc/4242/ns/net: Permission denied): allow nsenter in the SSH user's sudoers rule on prod-1 (see healthVerify's");
        assertThat(RemoteProbes.hostCurlCannot("prod-1", false, exec(127, "", "curl: not found on the host\n")))
                .startsWith("the host cannot probe from the container's network namespace (curl: not found on the host): install curl and "
                        + "util-linux (nsenter) on prod-1; or add curl or busybox to the image");
    }

    @Test
    void wgetAndTcpCommands() {
        HttpRequestSpec get = HttpRequestSpec.get(URL, Duration.ofSeconds(5)).withHeader("Accept", "text/html");
        assertThat(ProbeCommands.wget(get, CONTAINER).render()).isEqualTo("docker exec frontend wget -q -S -O - --header 'Accept: text/html' "
                + "http://backend:3000/health");
        assertThat(ProbeCommands.wgetCannot(get)).isEmpty();
        assertThat(ProbeCommands.wgetCannot(request())).contains("wget would need the credential on its command line, which deploy-steps never does");
        assertThat(ProbeCommands.wgetCannot(get.withBody("PUT", "x"))).contains("wget can only send GET and POST, not PUT");
        assertThat(ProbeCommands.tcp(new TcpProbe("localhost", 5432, Duration.ofSeconds(3))).render())
                .isEqualTo("timeout 3 bash -c 'exec 3<>\"/dev/tcp/$1/$2\"' deploy-steps-tcp localhost 5432");
    }

    @Test
    void userValuesNeverEscapeTheirArgument() {
        RandomInputs random = new RandomInputs();
        for (int i = 0; i < 200; i++) {
            String value = random.nastyString(30).replace("\0", "");
            String quoted = ProbeCommands.quote(value);
            // The curl config parser reads a quoted string up to the first unescaped quote: there must be none inside.
            String inner = quoted.substring(1, quoted.length() - 1);
            assertThat(inner.replace("\\\\", "").replace("\\\"", "")).as(random.replay()).doesNotContain("\"").doesNotContain("\n");
        }
    }

    @Test
    void curlOutputWithRedirectsHeadersBodyAndTiming() throws Exception {
        String out = "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-A: 1\r\nX-A: 2\r\n\r\n"
                + "{\"status\":\"ok\"}\n@@deploy-steps-probe:abc 200 0.012345\n";
        HttpResult r = ProbeOutput.curl(exec(0, out, ""), URL, "abc", true);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.url()).isEqualTo(URI.create("http://backend:3000/new"));
        assertThat(r.redirects()).extracting(Object::toString).containsExactly("301 http://backend:3000/health -> http://backend:3000/new");
        assertThat(r.header("x-a")).containsExactly("1", "2");
        assertThat(r.bodyText()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.elapsed()).isEqualTo(Duration.ofNanos(12_345_000));
        assertThat(r.timing()).isEqualTo("curl time_total");

        HttpResult notFollowed = ProbeOutput.curl(exec(0, "HTTP/1.1 302 Found\r\nLocation: https://x/\r\n\r\n\n@@deploy-steps-probe:abc 302 0.001\n", ""),
                URL, "abc", false);
        assertThat(notFollowed.status()).isEqualTo(302);
        assertThat(notFollowed.redirects()).singleElement().satisfies(x -> assertThat(x.to()).isEqualTo(URI.create("https://x/")));

        assertThatThrownBy(() -> ProbeOutput.curl(exec(7, "", "curl: (7) Failed to connect to backend port 3000: Connection refused\n"), URL, "abc", false))
                .hasMessage("curl failed (exit 7): curl: (7) Failed to connect to backend port 3000: Connection refused");
        assertThatThrownBy(() -> ProbeOutput.curl(exec(0, "body faking @@deploy-steps-probe:xyz 200 0.1\n", ""), URL, "abc", false))
                .hasMessageStartingWith("curl's output has no timing line");
    }

    @Test
    void wgetOutputFromStderrHeadersAndAnErrorStatus() throws Exception {
        HttpResult ok = ProbeOutput.wget(exec(0, "{\"status\":\"ok\"}", "  HTTP/1.1 200 OK\n  Content-Type: application/json\n"), URL, false);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Content-Type")).containsExactly("application/json");
        assertThat(ok.bodyText()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ok.timing()).isEqualTo("wall time of wget over SSH");
        HttpResult notFound = ProbeOutput.wget(exec(1, "", "  HTTP/1.1 404 Not Found\n  Content-Length: 0\nwget: server returned error: HTTP/1.1 404 Not Found\n"),
                URL, false);
        assertThat(notFound.status()).isEqualTo(404);
        HttpResult redirected = ProbeOutput.wget(exec(0, "final body", "  HTTP/1.1 301 Moved\n  Location: /x\n  HTTP/1.1 200 OK\n"), URL, false);
        assertThat(redirected.status()).isEqualTo(301);
        assertThat(redirected.bodyText()).isEmpty();
        assertThatThrownBy(() -> ProbeOutput.wget(exec(1, "", "wget: can't connect to remote host (10.0.0.2): Connection refused\n"), URL, false))
                .hasMessage("wget failed (exit 1): wget: can't connect to remote host (10.0.0.2): Connection refused");
        assertThat(ProbeOutput.missingProgram(exec(127, "", "sh: 1: curl: not found"))).isTrue();
        assertThat(ProbeOutput.missingProgram(exec(126, "", "exec: \"curl\": executable file not found in $PATH"))).isTrue();
        assertThat(ProbeOutput.missingProgram(exec(1, "", "Error: no container with name or ID \"x\" found"))).isFalse();
    }

    private static ExecResult exec(int exit, String out, String err) {
        return new ExecResult(exit, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(42));
    }
}
