package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** nginxRoute's parameters, declared once; {@link NginxRouteBinding} reads them and checks what goes into the site file. */
public final class NginxRouteParams {
    static final Param<String> HOST = Param.requiredString("host").doc("A configured host.");
    static final Param<String> SITE = Param.requiredString("site")
            .doc("The site file, absolute, e.g. `/etc/nginx/sites-enabled/app` (letters, digits and `._/+@,=-`).");
    static final Param<String> LOCATION = Param.requiredString("location")
            .doc("The prefix location, e.g. `/api/new-feature/`; also names the managed block. With `state: 'restored'`, the route whose "
                    + "change is undone (the whole file goes back).");
    static final Param<NginxRouteBinding.State> STATE = Param.choice("state", NginxRouteBinding.State.class, NginxRouteBinding.State.PRESENT)
            .doc("Add or update the block, or remove it (then only `location` is needed; route settings are refused), or `restored`: put the "
                    + "site file back byte for byte from `backup`.");
    static final Param<String> BACKUP = Param.string("backup").shownDefault("(required when restored)")
            .doc("With `state: 'restored'`: the backup to put back, as a run returned it (the `backup` fact, e.g. `20260101T120000Z`).")
            .rule((path, id) -> {
                if (!RemoteBackups.isId(id)) {
                    throw new SpecException(path, NginxRouteBinding.shown(id) + " is not a backup id like 20260101T120000Z (the backup fact of "
                            + "an nginxRoute report)");
                }
            });
    static final Param<String> SERVER_NAME = Param.string("serverName").shownDefault("the file's only server block")
            .doc("The server block whose `server_name` lists this name.");
    static final Param<String> PROXY_PASS = Param.requiredString("proxyPass").shownDefault("(required when present)")
            .doc("`http(s)://host[:port][/path]`; host a name, IPv4 or `[IPv6]`.");
    static final Param<Map<String, String>> HEADERS = Param.stringMap("headers")
            .shownDefault("`Host $host`, `X-Real-IP $remote_addr`, `X-Forwarded-For $proxy_add_x_forwarded_for`, `X-Forwarded-Proto $scheme`")
            .doc("`proxy_set_header`s to add or change (same name, any case, replaces a default). A value is a vetted variable (`$host $http_host "
                    + "$remote_addr $proxy_add_x_forwarded_for $scheme $server_name $server_port $request_id $proxy_host $http_upgrade "
                    + "$realip_remote_addr`), a literal (letters, digits, blanks and `._:/=,+@()!*~?&%-`, written in double quotes), or `''`: nginx "
                    + "does not pass the header.");
    /** A flag: set only when true, since route settings are refused on a route that is being removed. */
    static final Param<Boolean> WEBSOCKET = Param.flag("websocket")
            .doc("`proxy_http_version 1.1`, `Upgrade $http_upgrade`, `Connection \"upgrade\"`.");
    static final Param<Duration> PROXY_READ_TIMEOUT = Param.optionalDuration("proxyReadTimeout").shownDefault("nginx's (60s)")
            .doc("`proxy_read_timeout`, at most 24h.");
    static final Param<ByteSize> CLIENT_MAX_BODY_SIZE = Param.size("clientMaxBodySize").shownDefault("nginx's (1MB)")
            .doc("`client_max_body_size` (`0` turns nginx's check off).");
    public static final Param<String> VERIFY_URL = Param.string("verifyUrl").shownDefault("(no probe)").doc("http(s) URL requested from the agent after the reload.");
    public static final Param<List<String>> EXPECT_STATUS = Param.statuses("expectStatus").shownDefault("`'200-399'`")
            .doc("`200`, `'2xx'`, `'200-399'`, `[200, 204]`. With `state: 'absent'`, `404` checks the route is gone.");
    public static final Param<Duration> VERIFY_TIMEOUT = Param.optionalDuration("verifyTimeout").withDefault(Duration.ofSeconds(10))
            .doc("How long the probe may take to see an expected status.");
    static final Param<String> TEST_COMMAND = Param.string("testCommand").shownDefault("host's `nginxTestCommand`, else `nginx -t`")
            .doc("Plain words, no shell syntax.");
    static final Param<String> RELOAD_COMMAND = Param.string("reloadCommand").shownDefault("host's `nginxReloadCommand`, else `nginx -s reload`")
            .doc("Plain words, e.g. `systemctl reload nginx`.");
    /** In the SSH user's home, as composeDeploy's backups are: a non-root deploy user cannot create folders under /var/backups. */
    public static final String BACKUP_ROOT = "~/.deploy-steps/backups/nginx";
    static final Param<String> BACKUP_DIR = Param.string("backupDir").shownDefault("`" + BACKUP_ROOT + "/<site>`")
            .doc("Where the site's backups live; refused inside the site's own directory.");
    static final Param<Integer> KEEP_BACKUPS = Param.integer("keepBackups", 5, 1, 100).doc("Backups kept (1 to 100).");
    static final Param<Duration> LOCK_TIMEOUT = Param.duration("lockTimeout", Duration.ofMinutes(2)).doc("Wait for another run on the same site file.");
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(30)).doc("Each remote command.");
    static final Param<Boolean> DRY_RUN = Param.bool("dryRun", false).doc("See [Dry run](#dry-run).");

    /** Parameters that describe the block, so they make no sense when it is removed. */
    static final List<Param<?>> PRESENT_ONLY = List.of(PROXY_PASS, HEADERS, WEBSOCKET, PROXY_READ_TIMEOUT, CLIENT_MAX_BODY_SIZE);
    /** Parameters that choose what the new file holds, so they make no sense when a backup is put back whole. */
    static final List<Param<?>> NOT_RESTORED = List.of(SERVER_NAME, PROXY_PASS, HEADERS, WEBSOCKET, PROXY_READ_TIMEOUT, CLIENT_MAX_BODY_SIZE);

    static final ParamSet ALL = ParamSet.of(HOST, SITE, LOCATION, STATE, BACKUP, SERVER_NAME, PROXY_PASS, HEADERS, WEBSOCKET, PROXY_READ_TIMEOUT,
            CLIENT_MAX_BODY_SIZE, VERIFY_URL, EXPECT_STATUS, VERIFY_TIMEOUT, TEST_COMMAND, RELOAD_COMMAND, BACKUP_DIR, KEEP_BACKUPS, LOCK_TIMEOUT,
            TIMEOUT, DRY_RUN).plus(CommonParams.declarations(NginxRoute.NAME));

    private NginxRouteParams() {}
}
