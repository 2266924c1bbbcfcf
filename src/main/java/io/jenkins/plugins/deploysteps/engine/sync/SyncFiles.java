package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code syncFiles}: the release's files from the workspace to the host over the step's SSH connection, changes
 * only, staged and moved into place, REVISION written last.
 */
public final class SyncFiles implements StepDefinition<SyncSpec> {
    public static final String NAME = "syncFiles";
    public static final List<String> DEFAULT_PRESERVE = List.of("**/.env", "**/.env.*");
    /** The same rule composeDeploy's expectRevision applies, so whatever is written can be expected. */
    private static final Pattern REVISION = ComposeDeploy.REVISION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Copy a workspace folder to a host over SSH: changes only, excludes, delete with env files preserved, staged, REVISION written.";
    }

    @Override
    public ParamSet declarations() {
        return ParamSet.documented(params());
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(List.of(
                new ParamDoc("host", "string", "(required)", "A configured host name."),
                new ParamDoc("from", "string", "(required)", "The folder to copy, relative to the workspace (CLI: to the plan's folder)."),
                new ParamDoc("to", "string", "(required)", "The absolute destination folder on the host."),
                new ParamDoc("excludes", "list of strings", "[]", "Ant-style patterns neither sent nor deleted on the host; .git is always excluded."),
                new ParamDoc("preserve", "list of strings", "['**/.env', '**/.env.*']",
                        "Host files never overwritten, deleted or read (the host's own env files and secrets)."),
                new ParamDoc("delete", "boolean", "true", "Delete host files the workspace no longer has (not excluded or preserved ones)."),
                new ParamDoc("revision", "string", "the workspace's git HEAD", "What REVISION records (composeDeploy's expectRevision reads it)."),
                new ParamDoc("layout", "'plain' | 'releases'", "'plain'", "'releases': each sync goes to releases/<id>/ and the current link switches."),
                new ParamDoc("keepReleases", "integer", "5", "With layout 'releases': how many releases stay on the host."),
                new ParamDoc("rollback", "boolean", "false", "With layout 'releases': switch current back to the previous release instead of syncing."),
                new ParamDoc("dryRun", "boolean", "false", "List what would be added, changed and deleted, and change nothing."),
                new ParamDoc("timeout", "duration", "'10m'", "Timeout of each remote command, the transfer included."),
                new ParamDoc("lockTimeout", "duration", "'5m'", "How long to wait for another sync or deploy of the same folder.")));
        docs.addAll(CommonParams.declarations(NAME).docs());
        return docs;
    }

    @Override
    public SyncSpec bind(Params p) {
        String host = p.requiredString("host");
        String from = p.requiredString("from");
        if (from.startsWith("/") || List.of(from.split("/")).contains("..")) {
            throw new SpecException(p.path("from"), "'" + from + "' must be a folder inside the workspace (a relative path without '..')");
        }
        String to = p.requiredString("to");
        while (to.length() > 1 && to.endsWith("/")) {
            to = to.substring(0, to.length() - 1);
        }
        if (!to.startsWith("/") || to.equals("/") || List.of(to.split("/")).contains("..")) {
            throw new SpecException(p.path("to"), "'" + to + "' must be an absolute folder on the host, not / and without '..'");
        }
        List<String> excludes = patterns(p, "excludes", p.stringList("excludes"));
        List<String> preserve = patterns(p, "preserve", p.has("preserve") ? p.stringList("preserve") : DEFAULT_PRESERVE);
        String revision = p.optionalString("revision").orElse(null);
        if (revision != null && !REVISION.matcher(revision).matches()) {
            throw new SpecException(p.path("revision"), "'" + revision + "' is not a commit id or tag (letters, digits, . _ / + -)");
        }
        SyncSpec.Layout layout = p.choice("layout", SyncSpec.Layout.class, SyncSpec.Layout.PLAIN);
        int keep = p.integer("keepReleases", 5, 1, 100);
        boolean rollback = p.bool("rollback", false);
        if (rollback && layout != SyncSpec.Layout.RELEASES) {
            throw new SpecException(p.path("rollback"), "needs layout: 'releases' (a plain folder keeps no earlier release to go back to)");
        }
        SyncSpec spec = new SyncSpec(host, from.isEmpty() ? "." : from, to, excludes, preserve, p.bool("delete", true), revision, layout, keep,
                rollback, p.bool("dryRun", false), p.duration("timeout", Duration.ofMinutes(10)), p.duration("lockTimeout", Duration.ofMinutes(5)),
                CommonParams.read(p, NAME));
        p.done();
        return spec;
    }

    private static List<String> patterns(Params p, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank() || values.get(i).indexOf('\0') >= 0) {
                throw new SpecException(p.path(name) + "[" + i + "]", "an empty pattern matches nothing");
            }
        }
        return values;
    }

    @Override
    public Report run(SyncSpec spec, RunContext ctx) throws InterruptedException {
        return new SyncRun(spec, ctx).run();
    }
}
