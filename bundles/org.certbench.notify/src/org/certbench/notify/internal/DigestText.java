package org.certbench.notify.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.certbench.core.JsonWriter;
import org.certbench.notify.WebhookFormat;
import org.eclipse.osgi.util.NLS;

/**
 * What a digest says: the mail's subject and text, the webhook's JSON. Bounded: a digest of thousands of messages
 * lists the first {@link #LISTED} and counts the rest, so that no mail or POST grows without limit.
 */
final class DigestText {

    static final int LISTED = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);
    private static final Pattern MENTION = Pattern.compile("@(channel|here|all|everyone)\\b", //$NON-NLS-1$
            Pattern.CASE_INSENSITIVE);

    private DigestText() {
    }

    static String subject(Digest digest) {
        if (digest.items().size() == 1) {
            return NLS.bind(Messages.Email_subjectOne, oneLine(digest.items().get(0).text(), 120));
        }
        return NLS.bind(Messages.Email_subject, new Object[] {
                Plural.of(digest.items().size(), Messages.Count_newMessages_one, Messages.Count_newMessages),
                Plural.of(digest.count("ERROR"), Messages.Count_errors_one, Messages.Count_errors), //$NON-NLS-1$
                Plural.of(digest.count("WARNING"), Messages.Count_warnings_one, Messages.Count_warnings) }); //$NON-NLS-1$
    }

    static String body(Digest digest) {
        StringBuilder text = new StringBuilder(Messages.Email_intro).append("\n\n"); //$NON-NLS-1$
        List<Digest.Item> items = digest.items();
        for (Digest.Item item : items.subList(0, Math.min(LISTED, items.size()))) {
            text.append(item.severity()).append(" | ").append(item.source()).append(" | ") //$NON-NLS-1$ //$NON-NLS-2$
                    .append(TIME.format(item.time())).append('\n').append(item.text()).append("\n\n"); //$NON-NLS-1$
        }
        if (items.size() > LISTED) {
            text.append(more(items.size() - LISTED)).append('\n');
        }
        return text.toString();
    }

    static String json(Digest digest, WebhookFormat format) {
        if (format == WebhookFormat.SLACK) {
            StringBuilder text = new StringBuilder(NLS.bind(Messages.Webhook_slackHeader,
                    Plural.of(digest.items().size(), Messages.Count_newMessages_one, Messages.Count_newMessages)));
            List<Digest.Item> items = digest.items();
            for (Digest.Item item : items.subList(0, Math.min(LISTED, items.size()))) {
                text.append("\n\u2022 ").append(item.severity()).append(": ").append(slackSafe(item.text())); //$NON-NLS-1$ //$NON-NLS-2$
            }
            if (items.size() > LISTED) {
                text.append('\n').append(more(items.size() - LISTED));
            }
            return JsonWriter.write(Map.of("text", text.toString())); //$NON-NLS-1$
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "certbench.digest"); //$NON-NLS-1$ //$NON-NLS-2$
        json.put("created", digest.created().toString()); //$NON-NLS-1$
        json.put("count", digest.items().size()); //$NON-NLS-1$
        List<Object> messages = new ArrayList<>();
        List<Digest.Item> items = digest.items();
        for (Digest.Item item : items.subList(0, Math.min(LISTED, items.size()))) {
            messages.add(message(item));
        }
        json.put("messages", messages); //$NON-NLS-1$
        json.put("omitted", Math.max(0, items.size() - LISTED)); //$NON-NLS-1$
        return JsonWriter.write(json);
    }

    /**
     * One message; an expiry warning also names its event and certificate (see {@link CertificateFacts}), for
     * receivers' rules.
     */
    private static Map<String, Object> message(Digest.Item item) {
        Map<String, Object> one = new LinkedHashMap<>();
        String event = CertificateFacts.event(item.key());
        Map<String, Object> certificate = item.certificate() != null ? item.certificate()
                : event == null ? null : CertificateFacts.of(item.key(), List.of());
        one.put("event", event == null ? "system.message" : event); //$NON-NLS-1$ //$NON-NLS-2$
        one.put("id", item.id()); //$NON-NLS-1$
        one.put("time", item.time().toString()); //$NON-NLS-1$
        one.put("severity", item.severity().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
        one.put("source", item.source()); //$NON-NLS-1$
        one.put("message", item.text()); //$NON-NLS-1$
        one.put("key", item.key()); //$NON-NLS-1$
        one.put("certificate", certificate); //$NON-NLS-1$
        return one;
    }

    /**
     * A certificate's name as plain text in Slack's and Mattermost's markup: escaped, so that {@code <!channel>} or
     * {@code <https://evil|Renew here>} in a subject is not a mention or a link, and {@code @here} broken by a
     * zero-width space so that it pings no one.
     */
    static String slackSafe(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
        return MENTION.matcher(escaped).replaceAll("@\u200B$1"); //$NON-NLS-1$
    }

    private static String more(int count) {
        return NLS.bind(Messages.Email_more, Plural.of(count, Messages.Count_moreMessages_one,
                Messages.Count_moreMessages));
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        return line.length() <= max ? line : line.substring(0, max - 1) + '\u2026';
    }
}
