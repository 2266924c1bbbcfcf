package io.jenkins.plugins.deploysteps.engine.run;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The report names a build (a Pipeline run, a plan run) has used, so two calls of the same step — in a loop, in
 * {@code parallel} — do not write over each other's reports. A step's default name (its own name) gets
 * {@code -2}, {@code -3}... when taken; a name the user chose is kept, as asked.
 */
public final class ReportNames implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> taken = new HashSet<>();
    private final String decided;

    public ReportNames() {
        this(null);
    }

    private ReportNames(String decided) {
        this.decided = decided;
    }

    /** Names for a step whose report name was already claimed elsewhere (by Jenkins, on the controller, for the whole build). */
    public static ReportNames decided(String name) {
        return new ReportNames(name);
    }

    /** The name {@code step}'s report is written under, given the name it asked for. */
    public synchronized String claim(String step, String requested) {
        if (decided != null) {
            return decided;
        }
        String name = requested;
        if (requested.equals(step)) {
            for (int n = 2; taken.contains(name); n++) {
                name = requested + "-" + n;
            }
        }
        taken.add(name);
        return name;
    }
}
