import io.jenkins.plugins.deploysteps.library.MapCheck
import io.jenkins.plugins.deploysteps.library.ReleasePlan
import io.jenkins.plugins.deploysteps.library.ReleaseReports

// The whole release as one call: Preflight on every host, then batch by batch Sync -> Backend -> Frontend -> Proxy
// -> Verify, each phase a stage. When a phase fails after something changed, what the release changed is undone newest
// first (composeRollback with the backup ids the deploys returned, nginxRoute for the routes it changed), and the build
// fails with one line. Either way deploy-reports/release.json says what each host runs now and what happened to it,
// archived with the step reports. Help and a complete example: deployRelease.txt.
//
// Pipeline runs this under its CPS transform: plain loops, no closures handed to Java methods, state in maps.

Map call(Map args) {
    ReleasePlan plan = null
    try {
        plan = ReleasePlan.deployRelease(args == null ? [:] : args,
                new MapCheck('deployRelease', libraryResource('io/jenkins/plugins/deploysteps/library/step-parameters.txt')))
    } catch (IllegalArgumentException e) {
        error(e.message)
    }
    Map state = [:]
    // What release.json says when the release ends other than by its own failure line (aborted, say).
    String failure = 'deployRelease stopped before it ended'
    boolean released = false
    for (String h : plan.hosts) {
        state[h] = [version: previous(plan), state: 'not released', changes: [], undone: [], undoFailed: [], reports: [], failed: null]
    }
    try {
        if (plan.params[plan.hosts[0]].preflight != null) {
            if (!phase(plan, state, 'Preflight', ['preflight'], plan.hosts, false)) {
                failure = 'deployRelease: ' + firstFailure(state, plan.hosts) + '; nothing was changed'
                error(failure)
            }
        }
        for (int b = 0; b < plan.batches.size(); b++) {
            List<String> batch = plan.batches[b]
            if (b > 0 && plan.pauseSeconds > 0) {
                echo("deployRelease: pausing ${plan.pauseSeconds}s before the next batch")
                sleep(time: plan.pauseSeconds, unit: 'SECONDS')
            }
            String suffix = plan.batches.size() == 1 ? '' : ' (' + (b == 0 && plan.canary ? 'canary ' : '') + batch.join(', ') + ')'
            boolean ok = true
            for (List<String> step : [['Sync', ['sync']], ['Backend', ['backend']], ['Frontend', ['frontend']], ['Proxy', ['proxy']],
                                      ['Verify', ['verify', 'magicLink']]]) {
                if (ok && configured(plan, step[1])) {
                    ok = phase(plan, state, step[0] + suffix, step[1], batch, true)
                }
            }
            if (!ok) {
                String cause = firstFailure(state, batch)
                rollBack(plan, state, batch, 'Rollback' + suffix)
                if (plan.rollbackOnFailure) {
                    for (int e = b - 1; e >= 0; e--) {
                        List<String> earlier = plan.batches[e]
                        rollBack(plan, state, earlier, 'Rollback (' + earlier.join(', ') + ')')
                    }
                }
                failure = 'deployRelease: ' + cause + '; ' + undoneSummary(state, plan.hosts) + '; now: ' + versions(state, plan.hosts)
                error(failure)
            }
            for (String h : batch) {
                state[h].state = 'released'
                state[h].version = plan.version ?: 'new'
            }
        }
        echo('deployRelease: released to ' + plan.hosts.join(', ') + '; now: ' + versions(state, plan.hosts))
        released = true
        return outcome(plan, state, null)
    } finally {
        List<String> names = []
        for (String h : plan.hosts) {
            names.addAll(state[h].reports)
        }
        ReleaseReports.publish(this, names, outcome(plan, state, released ? null : failure))
    }
}

private String previous(ReleasePlan plan) {
    return plan.previousVersion ?: 'previous'
}

private boolean configured(ReleasePlan plan, List<String> keys) {
    for (String k : keys) {
        if (plan.params[plan.hosts[0]][k] != null) {
            return true
        }
    }
    return false
}

/** One phase as one stage: the hosts of a batch in parallel (failFast), one host directly. False when it failed. */
private boolean phase(ReleasePlan plan, Map state, String title, List<String> keys, List<String> hosts, boolean failFast) {
    try {
        stage(title) {
            if (hosts.size() == 1) {
                onHost(plan, state, title, keys, hosts[0])
            } else {
                Map branches = [:]
                for (String h : hosts) {
                    String host = h
                    branches[host] = { onHost(plan, state, title, keys, host) }
                }
                branches.failFast = failFast
                parallel(branches)
            }
        }
    } catch (e) {
        // Caught outside the stage, so the stage shows as failed; the release then undoes what it changed.
        echo("deployRelease: ${title} failed: ${e.message ?: e}")
        return false
    }
    return true
}

private void onHost(ReleasePlan plan, Map state, String title, List<String> keys, String host) {
    Map s = state[host]
    for (String key : keys) {
        try {
            runStep(plan, s, key, host)
        } catch (e) {
            s.failed = [phase: title.replaceAll(/ \(.*/, ''), message: (e.message ?: e.toString()), at: System.nanoTime()]
            throw e
        }
    }
}

private void runStep(ReleasePlan plan, Map s, String key, String host) {
    Object p = plan.params[host][key]
    if (p == null) {
        return
    }
    if (key == 'preflight') {
        s.reports << p.reportName
        hostCheck(p)
    } else if (key == 'sync') {
        s.reports << p.reportName
        syncFiles(p)
        if (p.layout == 'releases') {
            // A releases layout keeps the previous release on the host: switching back to it undoes the sync.
            Map undo = new LinkedHashMap(p)
            undo.rollback = true
            undo.reportName = ReleasePlan.reportName('rollback', 'sync', host)
            s.changes << [phase: 'Sync', step: 'syncFiles', params: undo]
        }
    } else if (key == 'backend' || key == 'frontend') {
        s.reports << p.reportName
        Map r = composeDeploy(p)
        String backup = r?.facts?.backup
        if (backup) {
            Map undo = [:]
            for (String k : plan.undoKeys[key]) {
                if (p.containsKey(k)) {
                    undo[k] = p[k]
                }
            }
            undo.backup = backup
            undo.reportName = ReleasePlan.reportName('rollback', key, host)
            s.changes << [phase: key == 'backend' ? 'Backend' : 'Frontend', step: 'composeRollback', params: undo]
        }
    } else if (key == 'proxy') {
        for (Map route : (List<Map>) p) {
            s.reports << route.reportName
            Map r = nginxRoute(route)
            String change = r?.facts?.change
            if (change == 'added' || change == 'updated' || change == 'removed') {
                s.changes << routeUndo(route, change, r?.facts)
            }
        }
    } else if (key == 'verify') {
        s.reports << p.reportName
        healthVerify(p)
    } else if (key == 'magicLink') {
        s.reports << p.reportName
        magicLinkAuthCheck(p)
    }
}

/**
 * How a route change is undone: a location nginxRoute added is removed again; an updated or removed one comes back by
 * putting the site file back from the backup nginxRoute made before the change (state: 'restored'), byte for byte.
 */
private Map routeUndo(Map route, String change, Map facts) {
    Map undo = change == 'added' ? [state: 'absent'] : [state: 'restored', backup: facts.backup]
    List<String> keys = ['host', 'site', 'location', 'testCommand', 'reloadCommand', 'backupDir', 'keepBackups', 'lockTimeout', 'timeout']
    if (change == 'added') {
        keys << 'serverName'
    }
    for (String k : keys) {
        if (route.containsKey(k)) {
            undo[k] = route[k]
        }
    }
    undo.archive = false
    undo.reportName = ReleasePlan.reportName('rollback', route.reportName)
    return [phase: 'Proxy', step: 'nginxRoute', params: undo]
}

/** Undoes, newest first, what the release changed on each of these hosts (in parallel, every host whatever the others do). */
private void rollBack(ReleasePlan plan, Map state, List<String> hosts, String title) {
    List<String> todo = []
    for (String h : hosts) {
        if (!state[h].changes.isEmpty()) {
            todo << h
        } else if (undidItself(state[h])) {
            state[h].state = 'rolled back'
        }
    }
    if (todo.isEmpty()) {
        return
    }
    stage(title) {
        if (todo.size() == 1) {
            undoHost(plan, state, todo[0])
        } else {
            Map branches = [:]
            for (String h : todo) {
                String host = h
                branches[host] = { undoHost(plan, state, host) }
            }
            parallel(branches)
        }
    }
}

private void undoHost(ReleasePlan plan, Map state, String host) {
    Map s = state[host]
    List changes = s.changes
    for (int i = changes.size() - 1; i >= 0; i--) {
        Map c = changes[i]
        s.reports << c.params.reportName
        try {
            if (c.step == 'composeRollback') {
                composeRollback(c.params)
            } else if (c.step == 'syncFiles') {
                syncFiles(c.params)
            } else {
                nginxRoute(c.params)
            }
            s.undone << c.phase
        } catch (e) {
            s.undoFailed << "${c.phase} (${e.message ?: e})"
        }
    }
    s.changes = []
    s.state = s.undoFailed.isEmpty() ? 'rolled back' : 'rollback failed'
    s.version = s.undoFailed.isEmpty() ? previous(plan) : 'unknown'
}

/**
 * Whether the host's failed step undid its own change (composeDeploy rolls back, nginxRoute restores the site file,
 * syncFiles leaves the previous files in place). A failed check (Preflight, Verify) changed nothing to undo.
 */
private boolean undidItself(Map s) {
    return s.failed != null && ['Sync', 'Backend', 'Frontend', 'Proxy'].contains(s.failed.phase)
}

private String firstFailure(Map state, List<String> hosts) {
    Map first = null
    String where = null
    for (String h : hosts) {
        Map f = state[h].failed
        if (f != null && (first == null || f.at < first.at)) {
            first = f
            where = h
        }
    }
    return first == null ? 'a phase failed' : "${first.phase} failed on ${where}: ${first.message}"
}

/** Who undid what: each failed step's own undo, then the phases the release's rollback undid, host by host. */
private String undoneSummary(Map state, List<String> hosts) {
    List<String> own = []
    List<String> parts = []
    List<String> failed = []
    for (String h : hosts) {
        if (undidItself(state[h])) {
            own << "${h}'s failed ${state[h].failed.phase} step undid its own change"
        }
        if (!state[h].undone.isEmpty()) {
            parts << "${h} (${state[h].undone.join(', ')})"
        }
        if (!state[h].undoFailed.isEmpty()) {
            failed << "${h} (${state[h].undoFailed.join('; ')})"
        }
    }
    String release = parts.isEmpty() ? 'the release rolled back nothing' + (own.isEmpty() ? '' : ' else') : 'the release rolled back ' + parts.join(', ')
    String done = own.isEmpty() && parts.isEmpty() ? 'nothing needed rolling back' : (own + [release]).join('; ')
    return failed.isEmpty() ? done : done + '; ROLLBACK FAILED on ' + failed.join(', ')
}

private String versions(Map state, List<String> hosts) {
    List<String> parts = []
    for (String h : hosts) {
        parts << "${h} ${state[h].version}" + (state[h].state == 'released' ? '' : " (${state[h].state})")
    }
    return parts.join(', ')
}

/**
 * The result, and what release.json holds: per host the version it runs now, its state, and when they apply the phase
 * its step failed in, the phases the release's rollback undid (newest first) and those it could not undo.
 */
private Map outcome(ReleasePlan plan, Map state, String failure) {
    Map hosts = [:]
    for (String h : plan.hosts) {
        Map s = state[h]
        Map host = [version: s.version, state: s.state]
        if (s.failed != null) {
            host.failedIn = s.failed.phase
        }
        if (!s.undone.isEmpty()) {
            host.rolledBack = s.undone
        }
        if (!s.undoFailed.isEmpty()) {
            host.rollbackFailed = s.undoFailed
        }
        hosts[h] = host
    }
    Map out = [status: failure == null ? (currentBuild.result ?: 'SUCCESS') : 'FAILURE', version: plan.version, batches: plan.batches, hosts: hosts]
    if (failure != null) {
        out.failure = failure
    }
    return out
}
