package org.certbench.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import org.certbench.notify.NotifyException;
import org.certbench.notify.SmtpSecurity;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.osgi.util.NLS;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends one mail with Angus Mail, direct (SMTP never goes through the HTTP proxy), TLS verified by the trust store's
 * {@link OutboundTls#sslContext()}, whose trust manager checks the host name too.
 * <p>
 * In OSGi, Jakarta Mail finds its parts with {@link java.util.ServiceLoader} and the thread's context class loader
 * ({@code StreamProvider}, the protocol providers), which sees neither the API's nor Angus's bundle. So the transport
 * is made here directly, and the context class loader is Angus's own while a mail is made and sent. The text goes
 * as a {@link ByteArrayDataSource}, which needs no mailcap handler (those would need the activation provider).
 */
final class EmailSender {

    /** Each socket operation's (connect, read, write) bound, within the channel's bound on the whole mail. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OutboundTls tls;

    EmailSender(OutboundTls tls) {
        this.tls = tls;
    }

    void send(ChannelConfig channel, byte[] password, String subject, String body) throws NotifyException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        SmtpDeadline deadline = new SmtpDeadline(channel.timeout());
        try {
            Session session = Session.getInstance(properties(channel, deadline));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(channel.from(), true));
            InternetAddress[] to = recipients(channel.to());
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setDataHandler(new DataHandler(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=UTF-8"))); //$NON-NLS-1$
            message.saveChanges();
            Transport transport = channel.security() == SmtpSecurity.TLS ? new SMTPSSLTransport(session, null)
                    : new SMTPTransport(session, null);
            try {
                transport.connect(channel.host(), channel.port(), channel.user(),
                        password == null ? null : new String(password, StandardCharsets.UTF_8));
                transport.sendMessage(message, to);
            } finally {
                if (transport.isConnected()) {
                    transport.close();
                }
            }
        } catch (MessagingException | TrustStoreException | RuntimeException e) {
            if (deadline.expired()) {
                throw new NotifyException(NLS.bind(Messages.Email_timedOut, new Object[] {
                        String.join(", ", channel.to()), channel.host(), String.valueOf(channel.port()), //$NON-NLS-1$
                        WebhookSender.seconds(channel.timeout()) }), e);
            }
            String reason = isStartTlsMissing(channel, e) ? Messages.Email_noStartTls : Failures.reason(e);
            throw new NotifyException(NLS.bind(Messages.Email_failed, new Object[] { String.join(", ", channel.to()), //$NON-NLS-1$
                    channel.host(), String.valueOf(channel.port()), reason }), e);
        } finally {
            deadline.close();
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Whether Angus refused because the server offers no STARTTLS (its {@code starttls.required}: before anything,
     * the password included, went in clear); it says so only in its own English message.
     */
    private static boolean isStartTlsMissing(ChannelConfig channel, Exception failure) {
        return channel.security() == SmtpSecurity.STARTTLS && failure instanceof MessagingException
                && failure.getCause() == null && String.valueOf(failure.getMessage())
                        .contains("STARTTLS is required but host does not support STARTTLS"); //$NON-NLS-1$
    }

    static InternetAddress[] recipients(List<String> addresses) throws MessagingException {
        InternetAddress[] to = new InternetAddress[addresses.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(addresses.get(i), true);
        }
        return to;
    }

    private Properties properties(ChannelConfig channel, SmtpDeadline deadline) throws TrustStoreException {
        String protocol = channel.security() == SmtpSecurity.TLS ? "smtps" : "smtp"; //$NON-NLS-1$ //$NON-NLS-2$
        String prefix = "mail." + protocol + "."; //$NON-NLS-1$ //$NON-NLS-2$
        Properties properties = new Properties();
        String millis = String.valueOf(Math.min(TIMEOUT.toMillis(), channel.timeout().toMillis()));
        properties.put(prefix + "connectiontimeout", millis); //$NON-NLS-1$
        properties.put(prefix + "timeout", millis); //$NON-NLS-1$
        properties.put(prefix + "writetimeout", millis); //$NON-NLS-1$
        properties.put(prefix + "auth", String.valueOf(channel.user() != null)); //$NON-NLS-1$
        properties.put(prefix + "socketFactory", deadline.plain()); //$NON-NLS-1$
        // never a socket of Angus's own making: the deadline could not close it; and a connection our TLS factory
        // refuses (an untrusted chain, a wrong name) would be tried again with the JDK's default factory, whose cacerts
        // and missing host name check would then decide
        properties.put(prefix + "socketFactory.fallback", "false"); //$NON-NLS-1$ //$NON-NLS-2$
        if (channel.security() != SmtpSecurity.PLAIN) {
            SSLSocketFactory factory = deadline.tls(tls.sslContext().getSocketFactory());
            properties.put(prefix + "ssl.socketFactory", factory); //$NON-NLS-1$
            // the trust manager checks the host name, in the words of every outbound refusal; no second check
            properties.put(prefix + "ssl.checkserveridentity", "false"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (channel.security() == SmtpSecurity.TLS) {
            properties.put(prefix + "ssl.enable", "true"); //$NON-NLS-1$ //$NON-NLS-2$
        } else if (channel.security() == SmtpSecurity.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true"); //$NON-NLS-1$ //$NON-NLS-2$
            properties.put(prefix + "starttls.required", "true"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return properties;
    }
}
