package io.jenkins.plugins.deploysteps.jenkins;

import hudson.util.FormValidation;
import java.util.Optional;
import jenkins.model.Jenkins;

/** Turns the plain checks of the config and steps packages into form validation responses. */
public final class FormChecks {
    private FormChecks() {}

    public static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** Checks on global configuration answer only administrators (anyone with Overall/Read can call them). */
    public static boolean isAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }
}
