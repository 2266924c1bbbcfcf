package io.jenkins.plugins.deploysteps.engine.command;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX sh quoting: the one function through which every argument reaches a remote shell. */
public final class Shell {
    /** Words made only of these characters mean the same to sh quoted or not, so they stay readable in logs. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {}

    /**
     * Quotes one argument so that sh reads it back as exactly this string: single quotes, with each embedded
     * single quote written as {@code '\''}. NUL cannot be passed through an argument vector at all and is refused.
     */
    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        if (arg.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        return argv.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
