package io.jenkins.plugins.deploysteps.engine.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A shell command as data, in the style of Kamal's command builders: builders return these, tests compare
 * their {@link #render() rendered} text exactly, and only {@link Shell#quote} turns user input into shell
 * text. Scripts are fixed strings written in this code base; user input reaches them only as positional
 * parameters ({@code "$1"}), never by being pasted into the script.
 */
public abstract sealed class Cmd permits Cmd.Argv, Cmd.Script, Cmd.Compound {
    /** Builtins that change the shell itself (cd) or need no root: sudo cannot run them. */
    private static final java.util.Set<String> SHELL_BUILTINS = java.util.Set.of("cd", ":", "exit");
    /** Programs sudo is never asked for: a sudoers rule for a shell grants everything, so no rule may need one. */
    private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "dash", "/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash");

    /** The command line a POSIX shell runs. */
    public abstract String render();

    /** Whether a fixed script is part of this command: a script is no command line a person would type. */
    public abstract boolean hasScript();

    /**
     * This command with root asked for each program that needs it, never for a shell around them, so a sudoers file
     * can list the programs ({@code cd /app && sudo -n -- docker-compose up -d}). A script runs as the SSH user; in a
     * {@link #sudoScript} the programs it marks ask for root themselves.
     */
    public abstract Cmd withSudo();

    /** Marks, in a {@link #sudoScript}, a program that needs root: {@code $SUDO mkdir -p -- "$1"}. */
    public static final String SUDO = "$SUDO ";

    /** What {@link #SUDO} becomes with sudo on: {@code -n} fails at once instead of waiting for a password nobody can type. */
    static final String SUDO_WORDS = "sudo -n -- ";

    /** What the build log calls this command ({@code lock /app/.deploy-steps.lock}), or null: a short command speaks for itself. */
    public String label() {
        return null;
    }

    @Override
    public String toString() {
        return render();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cmd other && render().equals(other.render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    /** {@code program args...}, each word quoted. */
    public static Cmd of(String program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(Arrays.asList(args));
        return new Argv(argv);
    }

    public static Cmd argv(List<String> argv) {
        return new Argv(argv);
    }

    /**
     * {@code sh -c 'script' sh arg...}: a fixed script from this code base with user values as {@code $1..$n}.
     * The script runs with {@code set -eu} semantics only if it says so itself.
     */
    public static Script script(String script, String... args) {
        return new Script(script, List.of(args), null, false);
    }

    /**
     * A fixed script like {@link #script}, in which each program that needs root is marked {@link #SUDO}. The marks
     * become {@code sudo -n --} when the host uses sudo and disappear otherwise; the script itself, its builtins and
     * redirects always run as the SSH user, so root-owned files are written through {@code sudo -n -- tee}. The mark
     * is text this code base puts in, never user input.
     */
    public static Script sudoScript(String script, String... args) {
        if (!script.contains(SUDO)) {
            throw new IllegalArgumentException("a sudo script marks the programs that need root with " + SUDO.strip());
        }
        return new Script(script, List.of(args), null, true);
    }

    /** {@code this && next} */
    public Cmd and(Cmd next) {
        return new Compound(this, "&&", next);
    }

    /** {@code this || next} */
    public Cmd or(Cmd next) {
        return new Compound(this, "||", next);
    }

    /** {@code this | next} */
    public Cmd pipe(Cmd next) {
        return new Compound(this, "|", next);
    }

    /** {@code this; next} */
    public Cmd then(Cmd next) {
        return new Compound(this, ";", next);
    }

    /** The same command with {@code prefix} words in front, e.g. a compose command such as {@code docker compose}. */
    public static Cmd prefixed(List<String> prefix, String... args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(Arrays.asList(args));
        return new Argv(argv);
    }

    public static final class Argv extends Cmd {
        private final List<String> argv;

        Argv(List<String> argv) {
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a command needs a program");
            }
            argv.forEach(a -> Objects.requireNonNull(a, "argument"));
            this.argv = List.copyOf(argv);
        }

        public List<String> argv() {
            return argv;
        }

        @Override
        public String render() {
            return Shell.join(argv);
        }

        @Override
        public boolean hasScript() {
            return false;
        }

        @Override
        public Cmd withSudo() {
            if (SHELL_BUILTINS.contains(argv.get(0))) {
                return this;
            }
            if (SHELLS.contains(argv.get(0))) {
                throw new IllegalStateException("sudo is asked for programs, never for a shell: " + render());
            }
            List<String> all = new ArrayList<>(List.of(SUDO_WORDS.strip().split(" ")));
            all.addAll(argv);
            return new Argv(all);
        }
    }

    public static final class Script extends Cmd {
        private final String script;
        private final List<String> args;
        private final String label;
        private final boolean marked;

        Script(String script, List<String> args, String label, boolean marked) {
            this.script = Objects.requireNonNull(script);
            this.args = List.copyOf(args);
            this.label = label;
            this.marked = marked;
        }

        /** The same script, called {@code text} in the build log (its full text is for verbose mode). */
        public Script named(String text) {
            return new Script(script, args, text, marked);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public boolean hasScript() {
            return true;
        }

        @Override
        public Cmd withSudo() {
            return marked ? new Script(script.replace(SUDO, SUDO_WORDS), args, label, false) : this;
        }

        @Override
        public String render() {
            List<String> argv = new ArrayList<>(List.of("sh", "-c", marked ? script.replace(SUDO, "") : script, "sh"));
            argv.addAll(args);
            return Shell.join(argv);
        }
    }

    public static final class Compound extends Cmd {
        private final Cmd left;
        private final String op;
        private final Cmd right;

        Compound(Cmd left, String op, Cmd right) {
            this.left = left;
            this.op = op;
            this.right = right;
        }

        @Override
        public boolean hasScript() {
            return left.hasScript() || right.hasScript();
        }

        @Override
        public String label() {
            return left.label() != null ? left.label() : right.label();
        }

        @Override
        public Cmd withSudo() {
            return new Compound(left.withSudo(), op, right.withSudo());
        }

        @Override
        public String render() {
            return group(left) + " " + op + " " + group(right);
        }

        private String group(Cmd c) {
            // Mixed operators get braces so precedence never depends on the reader knowing sh's rules.
            return c instanceof Compound inner && !inner.op.equals(op) ? "{ " + inner.render() + "; }" : c.render();
        }
    }
}
