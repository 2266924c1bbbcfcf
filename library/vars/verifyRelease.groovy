import io.jenkins.plugins.deploysteps.library.MapCheck
import io.jenkins.plugins.deploysteps.library.ReleasePlan
import io.jenkins.plugins.deploysteps.library.ReleaseReports

// Only the Verify phase of a release, for releases made by other tools: healthVerify (and magicLinkAuthCheck when
// configured) on every host in parallel, every host checked whatever the others answer, reports published.
// Help and a complete example: verifyRelease.txt.

Map call(Map args) {
    ReleasePlan plan = null
    try {
        plan = ReleasePlan.verifyRelease(args == null ? [:] : args,
                new MapCheck('verifyRelease', libraryResource('io/jenkins/plugins/deploysteps/library/step-parameters.txt')))
    } catch (IllegalArgumentException e) {
        error(e.message)
    }
    List<String> targets = plan.hosts.isEmpty() ? [''] : plan.hosts
    Map outcome = [:]
    for (String h : targets) {
        outcome[h] = [status: 'NOT RUN', failed: null, reports: []]
    }
    try {
        try {
            stage('Verify') {
                if (targets.size() == 1) {
                    verifyHost(plan, outcome, targets[0])
                } else {
                    Map branches = [:]
                    for (String h : targets) {
                        String host = h
                        branches[host] = { verifyHost(plan, outcome, host) }
                    }
                    parallel(branches)
                }
            }
        } catch (e) {
            List<String> failed = []
            for (String h : targets) {
                if (outcome[h].failed != null) {
                    failed << (h ? "${h}: " : '') + outcome[h].failed
                }
            }
            error('verifyRelease: Verify failed' + (failed.isEmpty() ? ": ${e.message ?: e}" : ' on ' + failed.join('; ')))
        }
        Map hosts = [:]
        for (String h : plan.hosts) {
            hosts[h] = [status: outcome[h].status]
        }
        return [status: currentBuild.result ?: 'SUCCESS', hosts: hosts]
    } finally {
        List<String> names = []
        for (String h : targets) {
            names.addAll(outcome[h].reports)
        }
        ReleaseReports.publish(this, names)
    }
}

private void verifyHost(ReleasePlan plan, Map outcome, String host) {
    Map o = outcome[host]
    try {
        Map p = plan.params[host].verify
        if (p != null) {
            o.reports << p.reportName
            o.status = healthVerify(p).status
        }
        Map m = plan.params[host].magicLink
        if (m != null) {
            o.reports << m.reportName
            String status = magicLinkAuthCheck(m).status
            o.status = o.status == 'UNSTABLE' ? o.status : status
        }
    } catch (e) {
        o.status = 'FAILURE'
        o.failed = e.message ?: e.toString()
        throw e
    }
}
