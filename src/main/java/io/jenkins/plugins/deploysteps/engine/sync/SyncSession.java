package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;

/**
 * What the stages of one sync share once it holds the destination's lock: the spec, the run's context, where checks
 * and facts go, the link to the host (which can connect again after a drop), the host's quiet commands, and the
 * releases layout.
 */
record SyncSession(SyncSpec spec, RunContext ctx, ReportBuilder report, CheckRunner checks, HostLink link, SyncHost host, ReleaseSwitch releases) {}
