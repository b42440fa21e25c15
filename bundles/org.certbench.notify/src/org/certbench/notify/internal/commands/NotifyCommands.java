package org.certbench.notify.internal.commands;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.felix.service.command.CommandProcessor;
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

    private final Notifications notifications;

    @Activate
    public NotifyCommands(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    /** notify:email NAME --to ADDR… --from ADDR --smtp HOST:PORT [--starttls|--tls|--plain] [--user U --password-file F] */
    public String email(String... arguments) {
        Options options = new Options(arguments, Set.of("--from", "--smtp", "--user", "--password-file"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                Set.of("--to"), Set.of(STARTTLS, TLS, PLAIN)); //$NON-NLS-1$
        String name = name(options);
        String server = options.required("--smtp"); //$NON-NLS-1$
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
        SmtpSecurity security = options.has(TLS) ? SmtpSecurity.TLS
                : options.has(PLAIN) ? SmtpSecurity.PLAIN : SmtpSecurity.STARTTLS;
        String passwordFile = options.value("--password-file"); //$NON-NLS-1$
        try {
            notifications.addEmail(new EmailSettings(name, options.all("--to"), options.required("--from"), host, //$NON-NLS-1$ //$NON-NLS-2$
                    port, security, options.value("--user"), passwordFile == null ? null : Path.of(passwordFile))); //$NON-NLS-1$
        } catch (NotifyException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return NLS.bind(Messages.Cmd_added, name);
    }

    /** notify:webhook NAME URL [--format generic|slack] [--header-file F | --secret-file F] */
    public String webhook(String... arguments) {
        Options options = new Options(arguments, Set.of("--format", HEADER_FILE, SECRET_FILE), Set.of(), Set.of()); //$NON-NLS-1$
        String name = name(options);
        if (options.positional().size() < 2) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "URL")); //$NON-NLS-1$
        }
        URI url;
        try {
            url = new URI(options.positional().get(1));
        } catch (URISyntaxException e) {
            throw new CommandException(NLS.bind(Messages.Cmd_badUrl, options.positional().get(1)), e);
        }
        WebhookFormat format;
        String formatName = options.value("--format"); //$NON-NLS-1$
        try {
            format = formatName == null ? WebhookFormat.GENERIC
                    : WebhookFormat.valueOf(formatName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException(NLS.bind(Messages.Cmd_badFormat, formatName), e);
        }
        if (options.has(HEADER_FILE) && options.has(SECRET_FILE)) {
            throw new CommandException(Messages.Cmd_headerAndSecret);
        }
        WebhookAuth auth = options.has(HEADER_FILE) ? WebhookAuth.HEADER
                : options.has(SECRET_FILE) ? WebhookAuth.HMAC : WebhookAuth.NONE;
        String file = options.has(HEADER_FILE) ? options.value(HEADER_FILE) : options.value(SECRET_FILE);
        try {
            notifications.addWebhook(new WebhookSettings(name, url, format, auth, file == null ? null : Path.of(file)));
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

    private static String name(Options options) {
        if (options.positional().isEmpty()) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, "NAME")); //$NON-NLS-1$
        }
        return options.positional().get(0);
    }
}
