package org.certbench.notify.internal.commands;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.core.commands.Table;
import org.certbench.notify.Delivery;
import org.certbench.notify.EmailSettings;
import org.certbench.notify.Notifications;
import org.certbench.notify.NotifyException;
import org.certbench.notify.SmtpSecurity;
import org.certbench.notify.WebhookAuth;
import org.certbench.notify.WebhookFormat;
import org.certbench.notify.WebhookSettings;
import org.certbench.notify.internal.Messages;
import org.certbench.notify.internal.ShownAddress;
import org.certbench.notify.internal.UrlFile;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code notify:*} — the notification channels, headless. Secrets come from files only. */
@Component(service = NotifyCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=notify",
        CommandProcessor.COMMAND_FUNCTION + "=email",
        CommandProcessor.COMMAND_FUNCTION + "=webhook",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=remove",
        CommandProcessor.COMMAND_FUNCTION + "=test",
        CommandProcessor.COMMAND_FUNCTION + "=send",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.notify.internal.commands.notifyhelp" })
public final class NotifyCommands {

    private static final String STARTTLS = "--starttls"; //$NON-NLS-1$
    private static final String TLS = "--tls"; //$NON-NLS-1$
    private static final String PLAIN = "--plain"; //$NON-NLS-1$
    private static final String HEADER_FILE = "--header-file"; //$NON-NLS-1$
    private static final String SECRET_FILE = "--secret-file"; //$NON-NLS-1$
    private static final String RUNBOOK = "--runbook"; //$NON-NLS-1$
    private static final String URL_FILE = "--url-file"; //$NON-NLS-1$

    private final Notifications notifications;

    @Activate
    public NotifyCommands(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * notify:email NAME --to ADDR[,ADDR…] --from ADDR --smtp HOST:PORT [--starttls|--tls|--plain] [--user U
     * --password-file F] [--timeout SECONDS]
     */
    public String email(@Parameter(names = "--to", absentValue = "") String to, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = "--from", absentValue = "") String from, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = "--smtp", absentValue = "") String server, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = STARTTLS, presentValue = "true", absentValue = "false") boolean starttls, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = TLS, presentValue = "true", absentValue = "false") boolean implicitTls, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = PLAIN, presentValue = "true", absentValue = "false") boolean plain, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = "--user", absentValue = "") String user, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = "--password-file", absentValue = "") String passwordFile, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = "--timeout", absentValue = "") String timeoutSeconds, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = RUNBOOK, absentValue = "") String runbook, //$NON-NLS-1$
            String name) {
        Duration timeout = seconds(timeoutSeconds, Messages.Email_badTimeout);
        List<String> recipients = Arrays.stream(to.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(); //$NON-NLS-1$
        if (recipients.isEmpty()) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "--to")); //$NON-NLS-1$
        }
        if (from.isEmpty()) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "--from")); //$NON-NLS-1$
        }
        if (server.isEmpty()) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "--smtp")); //$NON-NLS-1$
        }
        int colon = server.lastIndexOf(':');
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port < 1 || port > 65535) {
            throw new CommandException(NLS.bind(Messages.Email_badServer, server));
        }
        String host = server.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
            host = host.substring(1, host.length() - 1);
        }
        if ((starttls ? 1 : 0) + (implicitTls ? 1 : 0) + (plain ? 1 : 0) > 1) {
            throw new CommandException(Messages.Cmd_securityConflict);
        }
        SmtpSecurity security = implicitTls ? SmtpSecurity.TLS : plain ? SmtpSecurity.PLAIN : SmtpSecurity.STARTTLS;
        try {
            notifications.addEmail(new EmailSettings(name, recipients, from, host, port, security,
                    user.isEmpty() ? null : user, passwordFile.isEmpty() ? null : Path.of(passwordFile), timeout,
                    runbook));
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return NLS.bind(Messages.Cmd_added, name);
    }

    /** {@code null} for none given; the service checks the range. */
    private static Duration seconds(String given, String refusal) {
        if (given.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(given));
        } catch (NumberFormatException e) {
            throw new CommandException(NLS.bind(refusal, given, WebhookSettings.MAX_TIMEOUT.toSeconds()), e);
        }
    }

    /**
     * notify:webhook NAME URL [--format generic|slack] [--header-file F | --secret-file F] [--timeout SECONDS]
     * [--runbook URL]
     */
    public String webhook(@Parameter(names = "--format", absentValue = "generic") String formatName, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = HEADER_FILE, absentValue = "") String headerFile, //$NON-NLS-1$
            @Parameter(names = SECRET_FILE, absentValue = "") String secretFile, //$NON-NLS-1$
            @Parameter(names = "--timeout", absentValue = "") String timeoutSeconds, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = RUNBOOK, absentValue = "") String runbook, //$NON-NLS-1$
            @Parameter(names = URL_FILE, absentValue = "") String urlFile, //$NON-NLS-1$
            String name, String address) {
        if (!urlFile.isEmpty()) {
            throw new CommandException(Messages.Cmd_urlFileAndUrl);
        }
        URI url;
        try {
            url = new URI(address);
        } catch (URISyntaxException e) {
            throw new CommandException(NLS.bind(Messages.Cmd_badUrl, ShownAddress.of(address)), e);
        }
        return webhook(formatName, headerFile, secretFile, timeoutSeconds, runbook, name, url);
    }

    /**
     * notify:webhook NAME --url-file FILE [...]: the URL (and the token in it) read from a file of the user's alone,
     * so that it is in no shell history or process list.
     */
    public String webhook(@Parameter(names = "--format", absentValue = "generic") String formatName, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = HEADER_FILE, absentValue = "") String headerFile, //$NON-NLS-1$
            @Parameter(names = SECRET_FILE, absentValue = "") String secretFile, //$NON-NLS-1$
            @Parameter(names = "--timeout", absentValue = "") String timeoutSeconds, //$NON-NLS-1$ //$NON-NLS-2$
            @Parameter(names = RUNBOOK, absentValue = "") String runbook, //$NON-NLS-1$
            @Parameter(names = URL_FILE, absentValue = "") String urlFile, //$NON-NLS-1$
            String name) {
        if (urlFile.isEmpty()) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "URL (or --url-file)")); //$NON-NLS-1$
        }
        URI url;
        try {
            url = UrlFile.read(Path.of(urlFile));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return webhook(formatName, headerFile, secretFile, timeoutSeconds, runbook, name, url);
    }

    private String webhook(String formatName, String headerFile, String secretFile, String timeoutSeconds,
            String runbook, String name, URI url) {
        Duration timeout = seconds(timeoutSeconds, Messages.Webhook_badTimeout);
        WebhookFormat format;
        try {
            format = WebhookFormat.valueOf(formatName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException(NLS.bind(Messages.Cmd_badFormat, formatName), e);
        }
        if (!headerFile.isEmpty() && !secretFile.isEmpty()) {
            throw new CommandException(Messages.Cmd_headerAndSecret);
        }
        WebhookAuth auth = !headerFile.isEmpty() ? WebhookAuth.HEADER
                : !secretFile.isEmpty() ? WebhookAuth.HMAC : WebhookAuth.NONE;
        String file = !headerFile.isEmpty() ? headerFile : secretFile;
        try {
            notifications.addWebhook(new WebhookSettings(name, url, format, auth, file.isEmpty() ? null : Path.of(file),
                    timeout, runbook));
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return NLS.bind(Messages.Cmd_added, name);
    }

    public Table<ChannelLine> list() {
        try {
            return new Table<>(ChannelLine.class, notifications.channels().stream().map(ChannelLine::of).toList(),
                    List.of());
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public String remove(String name) {
        try {
            if (!notifications.remove(name)) {
                throw new CommandException(NLS.bind(Messages.Unknown, name));
            }
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return NLS.bind(Messages.Cmd_removed, name);
    }

    public String test(String name) {
        try {
            return notifications.test(name);
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** Gathers and sends now what is due (what each check and start does anyway). */
    public DeliveryLine send() {
        Delivery delivery = notifications.deliver();
        return new DeliveryLine(delivery.queued(), delivery.sent(), delivery.waiting(), delivery.problems());
    }

}
