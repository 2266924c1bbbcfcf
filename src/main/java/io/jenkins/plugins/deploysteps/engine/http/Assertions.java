package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a check's assertions against a response and turns the results into one report check. */
public final class Assertions {
    /** Characters of a response body kept as evidence. */
    public static final int EVIDENCE_BODY = 4000;

    private Assertions() {}

    public static List<AssertionResult> evaluate(List<Assertion> assertions, HttpResult response) {
        JsonBody json = new JsonBody(response);
        List<AssertionResult> out = new ArrayList<>();
        for (Assertion a : assertions) {
            out.add(a.evaluate(response, json));
        }
        return out;
    }

    public static boolean allHeld(List<AssertionResult> results) {
        return results.stream().allMatch(AssertionResult::held);
    }

    /**
     * One check for all assertions of a request: expected and actual list every assertion ({@code status 200; $.status
     * ok}), the message names those that did not hold, and the evidence has each result and the response.
     */
    public static Check toCheck(Check.Builder check, List<AssertionResult> results, HttpResult response) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (AssertionResult r : results) {
            expected.add(r.subject() + " " + r.expected());
            actual.add(r.subject() + " " + r.actual());
            lines.add(r.line());
            if (!r.held()) {
                failed.add(r.message());
            }
        }
        check.expected(String.join("; ", expected)).actual(String.join("; ", actual)).evidence("assertions", String.join("\n", lines));
        if (response != null) {
            check.evidence("response", response.describe(EVIDENCE_BODY));
        }
        return failed.isEmpty() ? check.pass() : check.fail(String.join("; ", failed));
    }
}
