package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What the parts of one magic-link run share: the spec, the test address, where checks and facts go, the app and the
 * requests to it, and the masker's registrations.
 */
record FlowParts(MagicLinkSpec spec, String email, RunContext ctx, ReportBuilder report, CheckRunner checks, AppClient app, AppRequests requests,
        SessionSecrets secrets) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** What {@code ${unique}} becomes: the time in base 36 and 6 random hex digits, e.g. {@code lxk2b3f9a1b2c3}. */
    static String unique() {
        return Long.toString(System.currentTimeMillis(), 36) + random(3);
    }
}
