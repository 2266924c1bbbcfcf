package io.jenkins.plugins.deploysteps.config;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins → System → Deploy hosts: the hosts steps refer to by name. Also configurable with JCasC under
 * {@code unclassified: deployHosts: hosts:}.
 */
@Extension
@Symbol("deployHosts")
public final class DeployHostsConfiguration extends GlobalConfiguration {
    private List<DeployHost> hosts = new ArrayList<>();

    public DeployHostsConfiguration() {
        load();
    }

    public static DeployHostsConfiguration get() {
        return ExtensionList.lookupSingleton(DeployHostsConfiguration.class);
    }

    public synchronized List<DeployHost> getHosts() { return Collections.unmodifiableList(hosts); }

    /**
     * Refuses a list with duplicate names, unknown jump hosts or jump-host cycles (JCasC and the form alike), and
     * then keeps the hosts as they were. Keys learned on first use survive (see {@link LearnedHostKeys}).
     */
    @DataBoundSetter
    public synchronized void setHosts(List<DeployHost> hosts) {
        List<DeployHost> copy = Values.copy(hosts);
        List<String> problems = HostChecks.hostList(copy);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Deploy hosts: " + String.join("; ", problems));
        }
        LearnedHostKeys.carryOver(this.hosts, copy);
        this.hosts = copy;
        save();
    }

    public synchronized Optional<DeployHost> find(String name) {
        return hosts.stream().filter(h -> h.getName().equals(name)).findFirst();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange bc = new BulkChange(this)) {
            if (json.containsKey("hosts")) {
                req.bindJSON(this, json);
            } else {
                // bindJSON leaves a list alone when the form sends none; an empty form means "no hosts".
                setHosts(List.of());
            }
            bc.commit();
        } catch (IllegalArgumentException e) {
            // setHosts refused the list before changing anything: the hosts stay as they were.
            throw new FormException(e.getMessage(), "hosts");
        } catch (IOException e) {
            throw new FormException(e, "hosts");
        }
        return true;
    }

    /**
     * Keeps the key an acceptFirst host presented on its first connection, so every later connection is
     * verified against it. Only fills an empty slot: a key already learned is never replaced from a build, nor is a key
     * learned from an address the host no longer has.
     *
     * @return whether the key was stored
     */
    public synchronized boolean rememberHostKey(String hostName, String knownHostsLine) {
        Optional<DeployHost> host = find(hostName);
        if (host.isEmpty() || !LearnedHostKeys.mayLearn(host.get(), knownHostsLine)) {
            return false;
        }
        host.get().setLearnedHostKey(knownHostsLine);
        save();
        return true;
    }
}
