package io.jenkins.plugins.deploysteps.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a page in a real headless Chromium and returns what a script measured in it. The script runs after the
 * page's own content and writes its result (a JSON string) into a {@code <pre id="measured">}, which
 * {@code --dump-dom} then prints. Nothing is fetched: background networking, updates and sync are off.
 */
public final class HeadlessChromium {
    private static final Pattern RESULT = Pattern.compile("<pre id=\"measured\">(.*?)</pre>", Pattern.DOTALL);

    private HeadlessChromium() {}

    /** Skips (or fails, when the target is required) unless chromium is installed. */
    public static void require() {
        TargetRequirement.programs("rendering HTML in a browser", "chromium");
    }

    /** Opens {@code page} with {@code script} appended at {@code width} x 900 px and returns the script's result, unescaped. */
    public static String measure(Path page, String script, int width, Path workDir) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String probe = "<pre id=\"measured\"></pre><script>document.getElementById('measured').textContent=(function(){"
                + script + "})();</script>";
        Path probed = workDir.resolve("probed-" + width + "-" + page.getFileName());
        Files.writeString(probed, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Path out = workDir.resolve("dom-" + width + ".html");
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + ",900", "--dump-dom", probed.toUri().toString()))
                .redirectOutput(out.toFile()).redirectError(workDir.resolve("chromium-" + width + ".log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not render " + probed + " within 60 s");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = RESULT.matcher(dom);
        if (p.exitValue() != 0 || !m.find()) {
            throw new AssertionError("chromium exited " + p.exitValue() + " without a measurement; see " + workDir);
        }
        return m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
