package io.jenkins.plugins.deploysteps.engine.nginx;

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
}
