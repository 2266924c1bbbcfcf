package io.jenkins.plugins.deploysteps.engine.ssh;

/** How a host's identity is verified. Anything but {@link #STRICT} has to be chosen explicitly. */
public enum HostKeyMode {
    /** Only keys from the configured known-host lines or known_hosts file are accepted (the default). */
    STRICT("strict"),
    /** Trust on first use: with no key known for the host, accept the offered one and report it so it can be pinned. */
    ACCEPT_FIRST("acceptFirst"),
    /** No verification at all; every connection warns loudly in the log and the report. */
    OFF("off");

    private final String value;

    HostKeyMode(String value) {
        this.value = value;
    }

    /** The mode written {@code value} ({@code acceptFirst}); empty for anything else. */
    public static java.util.Optional<HostKeyMode> byValue(String value) {
        return java.util.Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
