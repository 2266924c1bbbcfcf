package io.jenkins.plugins.deploysteps.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.config.HostSpecs;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * What the steps' drop-downs and combo boxes offer, and who may see it: configured hosts and credentials only to
 * those who may configure (or use the credentials of) the job, and the empty first choice that leaves the engine's
 * default in place.
 */
public final class FormChoices {
    private FormChoices() {}

    /** Configured host names for a step's host field; only those who may configure the job see them. */
    public static ComboBoxModel hostItems(Item item) {
        ComboBoxModel items = new ComboBoxModel();
        if (mayConfigure(item)) {
            for (DeployHost h : DeployHostsConfiguration.get().getHosts()) {
                items.add(h.getName());
            }
        }
        return items;
    }

    /**
     * A step's host field names a configured Deploy host, or every build fails with "unknown host". Only those who
     * may configure the job learn which hosts exist.
     */
    public static FormValidation hostCheck(Item item, String value) {
        String name = Values.trimToNull(value);
        if (name == null || !mayConfigure(item) || DeployHostsConfiguration.get().find(name).isPresent()) {
            return FormValidation.ok();
        }
        return FormValidation.error("no Deploy host named '" + name + "' (Manage Jenkins, System, Deploy hosts)");
    }

    private static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Credentials a step field may name (secret text, a secret file...), as its drop-down lists them: only to people
     * who may configure or use the job's credentials; everyone else sees just the current value. A job lists what
     * its builds will find, under the authentication they run as (not what the system sees, which includes
     * SYSTEM-scoped credentials no build can use).
     */
    public static ListBoxModel credentialItems(Item item, String current, CredentialsMatcher matcher) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            // No job (Pipeline Syntax outside a job): what the system sees, less what no build can use.
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    ? result.includeEmptyValue().includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                            URIRequirementBuilder.create().build(), CredentialsMatchers.allOf(matcher, HostSpecs.buildsCanUse())).includeCurrentValue(current)
                    : result.includeCurrentValue(current);
        }
        if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(current);
        }
        Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        return result.includeEmptyValue().includeMatchingAs(as, item, StandardCredentials.class, URIRequirementBuilder.create().build(), matcher)
                .includeCurrentValue(current);
    }

    /** Secret files and secret text holding PEM CA certificates, for a field naming a CA bundle. */
    public static ListBoxModel caBundleItems(Item item, String current) {
        return credentialItems(item, current, CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(FileCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class)));
    }

    /**
     * A drop-down whose first choice is the empty value, for a field whose Java default is null: left there, the
     * engine's default applies and the Snippet Generator writes nothing, instead of spelling the default out.
     */
    public static ListBoxModel withDefault(String engineDefault) {
        ListBoxModel items = new ListBoxModel();
        items.add("Default (" + engineDefault + ")", "");
        return items;
    }

    public static ListBoxModel onFailureItems() {
        ListBoxModel items = withDefault("fail the step");
        items.add("Fail the step", "FAILURE");
        items.add("Mark the build unstable and continue", "UNSTABLE");
        return items;
    }
}
