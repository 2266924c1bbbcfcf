package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command on a host whose output has the link, for apps that log links instead of mailing them in development
 * ({@code docker logs backend --since 2m}). The output is full of tokens, so the command is quiet (nothing of it reaches
 * the log or a report). "The newest message" is what follows the last mention of the address; links the command
 * already printed before the link was requested ({@link #baseline}) are old and never taken.
 */
final class CommandMailbox implements Mailbox {
    private final MailboxSpec.Command spec;
    private final Target target;
    private final Set<String> oldLinks = new HashSet<>();

    CommandMailbox(MailboxSpec.Command spec, Target target) {
        this.spec = spec;
        this.target = target;
    }

    /** The user's command, run by sh on the host exactly as written (it is pipeline code, like an {@code sh} step). */
    static RemoteCommand command(MailboxSpec.Command spec) {
        return RemoteCommand.of(Cmd.script(spec.command()), spec.timeout()).quiet();
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** Remembers every link the command prints now, before the link is requested. */
    void baseline() throws MailboxException, InterruptedException {
        oldLinks.addAll(LinkExtractor.links(message(run(), 0)));
    }

    @Override
    public Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException, InterruptedException {
        String output = run();
        java.util.regex.Matcher mention = MailMessage.mentions(recipient).matcher(output);
        int at = -1;
        while (mention.find()) {
            at = mention.start();
        }
        if (at < 0) {
            return Optional.empty();
        }
        MailMessage m = message(output, at);
        List<String> links = LinkExtractor.links(m);
        if (links.isEmpty() || oldLinks.containsAll(links)) {
            return Optional.empty();
        }
        return Optional.of(new MailMessage(m.id(), List.of(recipient), m.from(), m.subject(), m.sent(), m.text(), m.html()));
    }

    private String run() throws MailboxException, InterruptedException {
        ExecResult r;
        try {
            r = target.exec(command(spec));
        } catch (TargetException e) {
            throw new MailboxException(describe() + ": " + e.getMessage());
        }
        if (!r.succeeded()) {
            // stderr only: stdout is where the tokens are.
            throw new MailboxException(describe() + " exited with " + r.exitCode() + ": " + r.stderrText().strip().lines().reduce((a, b) -> b).orElse(""));
        }
        return r.stdoutText();
    }

    /** The output from {@code from} on, as a message body (no sender, subject or date: a log line has none). */
    private static MailMessage message(String output, int from) {
        return new MailMessage("output", List.of(), null, null, null, output.substring(from), null);
    }
}
