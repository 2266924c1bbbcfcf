package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;

/** Turns a host name from step parameters into everything needed to reach it (plan hosts, or Deploy hosts + credentials). */
@FunctionalInterface
public interface HostResolver {
    /** @throws io.jenkins.plugins.deploysteps.engine.params.SpecException naming {@code field} when no such host is configured */
    HostSpec resolve(String field, String name);
}
