package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build log of a real composeDeploy against the local target, read as a person reads it: short lines, one
 * when each remote action starts and one when it ends, the wait loop printing only when the state changes, and
 * the full scripts and build output only in verbose mode.
 */
class ComposeBuildLogTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    private static final Pattern START = Pattern.compile("^\\[local] (.+) \\.\\.\\.$");
    private static final Pattern END = Pattern.compile("^\\[local] (.+) \\.\\.\\. (ok|exit \\d+|timed out) \\([^)]+\\)(: .*)?$");

    @TempDir
    Path tmp;

    private ComposeApp app;

    @AfterEach
    void removeTheApp() {
        if (app != null) {
            app.close();
        }
    }

    private StepHarness.Run deploy(Map<String, Object> params) throws Exception {
        app = ComposeApp.create(TARGET.get(), tmp);
        app.upWithDockerCompose();
        app.version("v2");
        Map<String, Object> all = app.params();
        all.putAll(params);
        return new StepHarness(TARGET.get(), tmp.resolve("reports")).run(new ComposeDeploy(), all, "build log");
    }

    @Test
    void aNormalDeployPrintsOneShortLineWhenEachRemoteActionStartsAndOneWhenItEnds() throws Exception {
        StepHarness.Run run = deploy(Map.of());
        String log = run.log().text();
        List<String> lines = run.log().lines().stream().map(Recording.Line::text).toList();

        assertThat(run.report().verdict().outcome()).as(log).isEqualTo(Outcome.SUCCESS);
        assertThat(lines).as(log).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Progress.LONGEST_LINE))
                .noneMatch(l -> l.contains("\\n")).noneMatch(l -> l.startsWith("WARNING"));
        assertThat(log).as("scripts and raw output are for verbose mode").doesNotContain("sh -c").doesNotContain("[local] | ")
                .doesNotContain("STEP 1/6");

        Deque<String> open = new ArrayDeque<>();
        int actions = 0;
        for (String l : lines) {
            Matcher end = END.matcher(l);
            Matcher start = START.matcher(l);
            if (end.matches()) {
                assertThat(open).as("an end line follows the start line of the same action:\n" + log).isNotEmpty();
                assertThat(end.group(1)).as(log).isEqualTo(open.pop());
                actions++;
            } else if (start.matches()) {
                assertThat(open).as("actions on one host run one after another:\n" + log).isEmpty();
                open.push(start.group(1));
            }
        }
        assertThat(open).as(log).isEmpty();
        assertThat(actions).as(log).isGreaterThan(10);
        String lock = app.dir().resolve(".deploy-steps.lock").toString();
        assertThat(lines).contains("[local] lock " + lock + " ...").anyMatch(l -> l.matches("\\[local] lock " + Pattern.quote(lock)
                + " \\.\\.\\. ok \\(\\d+ ms\\)"));
        assertThat(lines).as("a short command a person would type is shown as it is")
                .contains("[local] $ cd " + app.dir() + " && docker-compose -p " + app.project() + " -f docker-compose.yml config --quiet ...");

        long listings = lines.stream().filter(l -> l.equals("[local] list the containers of " + app.project() + " ...")).count();
        assertThat(listings).as("the wait loop's polls print nothing of their own:\n" + log).isLessThanOrEqualTo(2);
        List<String> waiting = lines.stream().filter(l -> l.startsWith("[local] waiting for ")).toList();
        for (int i = 1; i < waiting.size(); i++) {
            assertThat(waiting.get(i)).as("waiting lines print when the state changes").isNotEqualTo(waiting.get(i - 1));
        }
        assertThat(lines).as("the summary names the report once and counts in words")
                .anyMatch(l -> l.matches("composeDeploy on local:\\S+ SUCCESS in .* \\(\\d+ passed\\)"));
        assertThat(lines.size()).as(log).isLessThan(100);
    }

    @Test
    void verboseModePrintsEveryScriptLineByLineAndTheRemoteOutput() throws Exception {
        StepHarness.Run quiet = deploy(Map.of());
        app.close();
        StepHarness.Run run = deploy(Map.of("verbose", true));
        String log = run.log().text();

        assertThat(run.report().verdict().outcome()).as(log).isEqualTo(Outcome.SUCCESS);
        assertThat(log).contains("[local] | STEP 1/6: FROM scratch").contains("[local] $ sh -c ")
                .contains("[local] lock " + app.dir().resolve(".deploy-steps.lock") + " ...");
        assertThat(run.log().lines()).as("a script is printed line by line, not squeezed onto one line")
                .anyMatch(l -> l.text().equals("[local]   lock=$1 token=$2 holder=$3 lease=$4"));
        long polls = run.log().lines().stream().filter(l -> l.text().equals("[local] list the containers of " + app.project() + " ...")).count();
        long quietPolls = quiet.log().lines().stream().filter(l -> l.text().startsWith("[local] list the containers of ") && l.text().endsWith(" ..."))
                .count();
        assertThat(polls).as("verbose mode shows every poll").isGreaterThan(quietPolls);
    }
}
