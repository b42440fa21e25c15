package org.certbench.notify.internal;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.certbench.core.ControlCharacters;
import org.certbench.notify.NotifyException;
import org.certbench.notify.WebhookAuth;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.osgi.util.NLS;

/**
 * Posts one JSON document through the trust store's HttpClient (its CA store, host name check and proxy), bounded in
 * time as a whole exchange (headers and body) by the channel's timeout; of an answer only the first bytes are read, as
 * the reason.
 */
final class WebhookSender {

    static final String SIGNATURE = "X-CertBench-Signature"; //$NON-NLS-1$
    static final String TIMESTAMP = "X-CertBench-Timestamp"; //$NON-NLS-1$
    private static final int SHOWN_ANSWER = 200;

    private final OutboundTls tls;
    private final Clock clock;

    WebhookSender(OutboundTls tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    /** @return the HTTP status (2xx) */
    int send(ChannelConfig channel, byte[] secret, String json) throws NotifyException {
        String shown = ChannelConfig.redacted(channel.url());
        Duration timeout = channel.timeout();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(channel.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8") //$NON-NLS-1$ //$NON-NLS-2$
                .header("User-Agent", "CertBench") //$NON-NLS-1$ //$NON-NLS-2$
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (channel.auth() == WebhookAuth.HEADER) {
            request.header("Authorization", new String(secret, StandardCharsets.UTF_8)); //$NON-NLS-1$
        } else if (channel.auth() == WebhookAuth.HMAC) {
            // the time is signed with the body, so a receiver can refuse a recorded request played again later
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header(TIMESTAMP, timestamp);
            request.header(SIGNATURE, "sha256=" + hmac(secret, timestamp, body)); //$NON-NLS-1$
        }
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = tls.httpClient().sendAsync(request.build(), info -> new FirstBytes(SHOWN_ANSWER));
        } catch (TrustStoreException e) {
            throw new NotifyException(NLS.bind(Messages.Webhook_failed, shown, Failures.reason(e)), e);
        }
        try {
            // HttpRequest.timeout ends with the headers: the deadline here also covers a body that never comes
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status / 100 != 2) {
                String text = printable(new String(response.body(), StandardCharsets.UTF_8).strip());
                throw new NotifyException(NLS.bind(Messages.Webhook_failedStatus, new Object[] { shown,
                        String.valueOf(status), text }));
            }
            return status;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new NotifyException(NLS.bind(Messages.Webhook_timedOut, shown, seconds(timeout)), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new NotifyException(NLS.bind(Messages.Webhook_timedOut, shown, seconds(timeout)), cause);
            }
            throw new NotifyException(NLS.bind(Messages.Webhook_failed, shown,
                    Failures.reason(cause, channel.url().getHost())), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new NotifyException(NLS.bind(Messages.Webhook_failed, shown, Failures.reason(e)), e);
        }
    }

    /** The server's words as a line of ours: its control characters could otherwise forge lines in a log. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            shown.append(ControlCharacters.isControl(c) ? ' ' : c);
        }
        return shown.toString();
    }

    /** The HMAC-SHA256 of {@code timestamp}, a full stop and the body, in hex. */
    static String hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); //$NON-NLS-1$
            mac.init(new SecretKeySpec(secret, "HmacSHA256")); //$NON-NLS-1$
            mac.update((timestamp + '.').getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String seconds(Duration duration) {
        return Counts.of(Messages.Count_seconds, duration.toSeconds());
    }
}
