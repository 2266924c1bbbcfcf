package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import java.util.List;

/**
 * {@code syncFiles}: the release's files from the workspace to the host over the step's SSH connection, changes
 * only, staged and moved into place, REVISION written last.
 */
public final class SyncFiles extends DeclaredStep<SyncSpec> {
    public static final String NAME = "syncFiles";
    public static final List<String> DEFAULT_PRESERVE = SyncFilesParams.PRESERVE.defaultValue();

    public SyncFiles() {
        super(NAME, "Copy a workspace folder to a host over SSH: changes only, excludes, delete with env files preserved, staged, REVISION written.",
                SyncFilesParams.ALL);
    }

    @Override
    public SyncSpec bind(Params p) {
        String host = p.get(SyncFilesParams.HOST);
        String from = p.get(SyncFilesParams.FROM);
        String to = p.get(SyncFilesParams.TO);
        while (to.length() > 1 && to.endsWith("/")) {
            to = to.substring(0, to.length() - 1);
        }
        if (!to.startsWith("/") || to.equals("/") || List.of(to.split("/")).contains("..")) {
            throw new SpecException(p.path("to"), "'" + to + "' must be an absolute folder on the host, not / and without '..'");
        }
        List<String> excludes = p.get(SyncFilesParams.EXCLUDES);
        List<String> preserve = p.get(SyncFilesParams.PRESERVE);
        String revision = p.get(SyncFilesParams.REVISION);
        SyncSpec.Layout layout = p.get(SyncFilesParams.LAYOUT);
        int keep = p.get(SyncFilesParams.KEEP_RELEASES);
        boolean rollback = p.get(SyncFilesParams.ROLLBACK);
        if (rollback && layout != SyncSpec.Layout.RELEASES) {
            throw new SpecException(p.path("rollback"), "needs layout: 'releases' (a plain folder keeps no earlier release to go back to)");
        }
        return p.done(new SyncSpec(host, from.isEmpty() ? "." : from, to, excludes, preserve, p.get(SyncFilesParams.DELETE), revision, layout, keep,
                rollback, p.get(SyncFilesParams.DRY_RUN), p.get(SyncFilesParams.TIMEOUT), p.get(SyncFilesParams.LOCK_TIMEOUT), CommonParams.read(p, NAME)));
    }

    @Override
    public Report run(SyncSpec spec, RunContext ctx) throws InterruptedException {
        return new SyncRun(spec, ctx).run();
    }
}
