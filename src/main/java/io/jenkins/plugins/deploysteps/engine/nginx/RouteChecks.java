package io.jenkins.plugins.deploysteps.engine.nginx;

import java.util.ArrayList;
import java.util.List;

/** The names of the checks an nginxRoute run records, in the order it records them; reports and tests know them by these names. */
final class RouteChecks {
    static final String COMMANDS = "nginx commands";
    static final String BACKUP = "backup";
    static final String TEST = "nginx -t";
    static final String RELOAD = "reload";
    static final String RESTORE_PREFIX = "restore: ";

    private RouteChecks() {}

    static String lockCheck(RouteTarget t) {
        return "lock " + t.site();
    }

    static String readCheck(RouteTarget t) {
        return "read " + t.site();
    }

    static String locationCheck(RouteTarget t) {
        return "location " + t.location();
    }

    /** With {@code state: 'restored'}: finding the backup and the copy of the site file in it. */
    static String sourceCheck(String backupId) {
        return "find backup " + backupId;
    }

    /** The check that works out the new content: the location's change, or the copy from the backup being restored. */
    static String planCheck(NginxRouteSpec spec) {
        return spec.restoreFrom() == null ? locationCheck(spec.target()) : sourceCheck(spec.restoreFrom());
    }

    static String writeCheck(RouteTarget t) {
        return "write " + t.site();
    }

    static String probeCheck(RouteVerify v) {
        return "probe " + v.url();
    }

    /** Every check a run records when nothing fails, in order. */
    static List<String> planned(NginxRouteSpec spec) {
        RouteTarget t = spec.target();
        List<String> names = new ArrayList<>(List.of(COMMANDS, lockCheck(t), readCheck(t), planCheck(spec), BACKUP, writeCheck(t), TEST, RELOAD));
        if (spec.verify() != null) {
            names.add(probeCheck(spec.verify()));
        }
        return names;
    }
}
