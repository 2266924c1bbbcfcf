package io.jenkins.plugins.deploysteps.engine.nginx;

import java.io.Serializable;

/**
 * One {@code proxy_set_header} of a managed location, from validated input only: the value is one of the vetted nginx
 * variables ({@link RouteRules#VARIABLES}), a literal written in double quotes (its characters cannot end the quotes,
 * escape, expand a variable or end the directive), or empty, which tells nginx not to pass the header.
 */
public record ProxyHeader(String name, String value) implements Serializable {

    boolean isVariable() {
        return value.startsWith("$");
    }

    /** The value as nginx reads it. */
    String rendered() {
        return isVariable() ? value : "\"" + value + "\"";
    }
}
