package org.vigil.agent.failover.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * Built-in {@code MailTo::addr[,addr...][::subject]}: a pseudo-resource that mails the operators
 * when its group moves, with Heartbeat's texts ({@code <subject> Takeover in progress at <date>
 * on <host>} on start, {@code Migrating resource away} on stop). Its state is a file in the state
 * directory. Mail goes through {@code sendmail -oi -t}, as Heartbeat's uses the system mailer; a
 * mail that cannot be sent is logged but never fails the group: operators must not lose a
 * service because the MTA is down.
 */
public final class MailToAgent implements ResourceAgent {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.ENGLISH);

    private final String name;
    private final List<String> recipients;
    private final String subject;
    private final Path stateFile;
    private final String host;
    private final String sendmail;
    private final CommandRunner runner;

    public MailToAgent(String name, List<String> args, Path stateDir, String host, String sendmail, CommandRunner runner) {
        this.name = name;
        this.recipients = List.of(args.get(0).split(","));
        this.subject = args.size() > 1 ? args.get(1) : "Resource Group";
        this.stateFile = stateDir.resolve("MailTo-" + Integer.toHexString(name.hashCode()));
        this.host = host;
        this.sendmail = sendmail;
        this.runner = runner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpResult start() {
        String sent = mail(subject + " Takeover in progress at " + DATE.format(ZonedDateTime.now()) + " on " + host);
        return mark(true, sent);
    }

    @Override
    public OpResult stop() {
        String sent = mail(subject + " Migrating resource away at " + DATE.format(ZonedDateTime.now()) + " from " + host);
        return mark(false, sent);
    }

    @Override
    public OpResult status() {
        boolean running = Files.exists(stateFile);
        return OpResult.ok(running ? ResourceState.RUNNING : ResourceState.STOPPED, running ? "running" : "stopped");
    }

    private OpResult mark(boolean running, String sent) {
        try {
            if (running) {
                Files.writeString(stateFile, name + "\n");
            } else {
                Files.deleteIfExists(stateFile);
            }
        } catch (IOException e) {
            return OpResult.failed("cannot write " + stateFile + ": " + e.getMessage());
        }
        return OpResult.ok(running ? ResourceState.RUNNING : ResourceState.STOPPED, sent);
    }

    /** Sends the mail; returns what happened, for the log. */
    private String mail(String line) {
        String message = "To: " + String.join(", ", recipients) + "\nSubject: " + line + "\n\n" + line + "\n";
        CommandResult r = runner.run(List.of(sendmail, "-oi", "-t"), Map.of(), Duration.ofSeconds(30),
                message.getBytes(StandardCharsets.UTF_8));
        return r.succeeded() ? "mailed " + recipients + ": " + line
                : "could not mail " + recipients + " (" + r.describe() + "): " + line;
    }
}
