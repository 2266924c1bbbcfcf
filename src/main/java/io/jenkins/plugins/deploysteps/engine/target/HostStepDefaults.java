package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeFlavor;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteBinding;
import java.io.Serializable;
import java.util.List;

/**
 * What a host tells the steps that run on it when their own parameter is unset, read and checked with the host list
 * (Deploy hosts saved or applied by JCasC, a plan loaded), so a bad value stops everything before a connection.
 *
 * @param composeCommand {@code auto} or a compose command's label ({@code docker compose}); null: not set
 * @param nginxTestCommand the words of nginx's test command; null: not set
 * @param nginxReloadCommand the words of nginx's reload command; null: not set
 */
public record HostStepDefaults(String composeCommand, List<String> nginxTestCommand, List<String> nginxReloadCommand) implements Serializable {
    public static final HostStepDefaults NONE = new HostStepDefaults(null, null, null);

    /** The settings' names, as Deploy hosts and a plan's host spell them. */
    public static final String COMPOSE_COMMAND = "composeCommand";
    public static final String NGINX_TEST_COMMAND = "nginxTestCommand";
    public static final String NGINX_RELOAD_COMMAND = "nginxReloadCommand";

    public HostStepDefaults {
        nginxTestCommand = nginxTestCommand == null ? null : List.copyOf(nginxTestCommand);
        nginxReloadCommand = nginxReloadCommand == null ? null : List.copyOf(nginxReloadCommand);
    }

    /**
     * Reads the settings as written, by the same rules as the steps' own parameters; null or blank is not set.
     *
     * @throws io.jenkins.plugins.deploysteps.engine.params.SpecException naming the setting at fault
     */
    public static HostStepDefaults parse(String composeCommand, String nginxTestCommand, String nginxReloadCommand) {
        String compose = blankToNull(composeCommand);
        if (compose != null) {
            ComposeFlavor.requireChoice(COMPOSE_COMMAND, compose);
        }
        return new HostStepDefaults(compose, words(NGINX_TEST_COMMAND, nginxTestCommand), words(NGINX_RELOAD_COMMAND, nginxReloadCommand));
    }

    private static List<String> words(String field, String command) {
        return blankToNull(command) == null ? null : NginxRouteBinding.commandWords(field, command);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
