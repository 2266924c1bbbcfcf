package io.jenkins.plugins.deploysteps.library

/** Publishes the reports of every step a template ran: JUnit results and the archived files, once, whatever happened. */
class ReleaseReports implements Serializable {
    private static final long serialVersionUID = 1L

    /** Where a release's outcome is written, beside the step reports. */
    static final String OUTCOME = 'deploy-reports/release.json'

    /** @param script the template, whose steps (fileExists, writeFile, junit, archiveArtifacts) this calls */
    static void publish(Object script, List<String> reportNames) {
        archive(script, reportNames, [])
    }

    /** As {@link #publish(Object, List)}, after writing the release's outcome to {@link #OUTCOME}, archived with the reports. */
    static void publish(Object script, List<String> reportNames, Map outcome) {
        script.writeFile(file: OUTCOME, text: JsonText.of(outcome) + '\n', encoding: 'UTF-8')
        archive(script, reportNames, [OUTCOME])
    }

    private static void archive(Object script, List<String> reportNames, List<String> files) {
        List<String> xml = []
        List<String> all = []
        for (String name : reportNames) {
            // A step refused before it ran wrote no report.
            if (script.fileExists('deploy-reports/' + name + '.xml')) {
                xml.add('deploy-reports/' + name + '.xml')
                all.add('deploy-reports/' + name + '.*')
            }
        }
        if (!xml.isEmpty()) {
            // The template decides the build result itself; a failed check must not turn a rolled-back release UNSTABLE.
            script.junit(testResults: xml.join(','), allowEmptyResults: true, skipMarkingBuildUnstable: true)
        }
        all.addAll(files)
        if (!all.isEmpty()) {
            script.archiveArtifacts(artifacts: all.join(','), allowEmptyArchive: true)
        }
    }
}
