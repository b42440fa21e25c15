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
                Counts.of(Messages.Count_newMessages, digest.items().size()),
                Counts.of(Messages.Count_errors, digest.count("ERROR")), //$NON-NLS-1$
                Counts.of(Messages.Count_warnings, digest.count("WARNING")) }); //$NON-NLS-1$
    }

    /**
     * The mail's text: each message with its level, source and time; a summary's certificates (name, id, days left;
     * the first {@link WarningFacts#LISTED}, the others counted); the channel's {@code runbook} (a template, or
     * {@code null}) under each message.
     */
    static String body(Digest digest, String runbook) {
        StringBuilder text = new StringBuilder(Messages.Email_intro).append("\n\n"); //$NON-NLS-1$
        List<Digest.Item> items = digest.items();
        for (Digest.Item item : items.subList(0, Math.min(LISTED, items.size()))) {
            text.append(item.severity()).append(" | ").append(item.source()).append(" | ") //$NON-NLS-1$ //$NON-NLS-2$
                    .append(TIME.format(item.time())).append('\n').append(item.text()).append('\n');
            Map<?, ?> summary = WarningFacts.summary(item);
            if (summary != null) {
                for (Object listed : (List<?>) summary.get("certificates")) { //$NON-NLS-1$
                    Map<?, ?> certificate = (Map<?, ?>) listed;
                    Object name = certificate.get("name"); //$NON-NLS-1$
                    text.append(NLS.bind(Messages.Summary_line, new Object[] { name == null ? certificate.get("id") : name, //$NON-NLS-1$
                            certificate.get("id"), daysLeft(certificate.get("days_left")) })).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
                }
                long omitted = ((Number) summary.get("omitted")).longValue(); //$NON-NLS-1$
                if (omitted > 0) {
                    text.append(NLS.bind(Messages.Summary_more, Counts.of(Messages.Count_moreCertificates, omitted),
                            summary.get("command"))).append('\n'); //$NON-NLS-1$
                }
            }
            String page = page(runbook, item);
            if (page != null) {
                text.append(NLS.bind(Messages.Runbook_line, page)).append('\n');
            }
            text.append('\n');
        }
        if (items.size() > LISTED) {
            text.append(more(items.size() - LISTED)).append('\n');
        }
        return text.toString();
    }

    /** The webhook's body; the channel's {@code runbook} (a template, or {@code null}) goes with each message. */
    static String json(Digest digest, WebhookFormat format, String runbook) {
        if (format == WebhookFormat.SLACK) {
            StringBuilder text = new StringBuilder(NLS.bind(Messages.Webhook_slackHeader,
                    Counts.of(Messages.Count_newMessages, digest.items().size())));
            List<Digest.Item> items = digest.items();
            for (Digest.Item item : items.subList(0, Math.min(LISTED, items.size()))) {
                text.append("\n\u2022 ").append(item.severity()).append(": ").append(slackSafe(item.text())); //$NON-NLS-1$ //$NON-NLS-2$
                Map<?, ?> summary = WarningFacts.summary(item);
                if (summary != null) {
                    List<String> names = new ArrayList<>();
                    for (Object listed : (List<?>) summary.get("certificates")) { //$NON-NLS-1$
                        Map<?, ?> certificate = (Map<?, ?>) listed;
                        Object name = certificate.get("name"); //$NON-NLS-1$
                        names.add(String.valueOf(name == null ? certificate.get("id") : name)); //$NON-NLS-1$
                    }
                    long omitted = ((Number) summary.get("omitted")).longValue(); //$NON-NLS-1$
                    String shown = String.join(", ", names); //$NON-NLS-1$
                    if (omitted > 0) {
                        shown = NLS.bind(Messages.Summary_more, Counts.of(Messages.Count_moreCertificates, omitted),
                                summary.get("command")).strip(); //$NON-NLS-1$
                        shown = String.join(", ", names) + ' ' + shown; //$NON-NLS-1$
                    }
                    text.append("\n   ").append(slackSafe(NLS.bind(Messages.Slack_certificates, shown))); //$NON-NLS-1$
                }
                String page = page(runbook, item);
                if (page != null) {
                    // a URL the administrator set, its placeholders URL-encoded: Slack links it as it stands
                    text.append("\n   ").append(NLS.bind(Messages.Slack_runbook, page)); //$NON-NLS-1$
                }
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
            messages.add(message(item, runbook));
        }
        json.put("messages", messages); //$NON-NLS-1$
        json.put("omitted", Math.max(0, items.size() - LISTED)); //$NON-NLS-1$
        return JsonWriter.write(json);
    }

    /**
     * One message; an expiry warning also names its event and certificate, or a summary its certificates (see
     * {@link WarningFacts}), for receivers' rules; with the channel's runbook filled for it.
     */
    private static Map<String, Object> message(Digest.Item item, String runbook) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("event", WarningFacts.event(item)); //$NON-NLS-1$
        one.put("id", item.id()); //$NON-NLS-1$
        one.put("time", item.time().toString()); //$NON-NLS-1$
        one.put("severity", item.severity().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
        one.put("source", item.source()); //$NON-NLS-1$
        one.put("message", item.text()); //$NON-NLS-1$
        one.put("key", item.key()); //$NON-NLS-1$
        one.put("certificate", WarningFacts.certificate(item)); //$NON-NLS-1$
        Map<?, ?> summary = WarningFacts.summary(item);
        if (summary != null) {
            one.put("summary", summary); //$NON-NLS-1$
        }
        one.put("runbook", page(runbook, item)); //$NON-NLS-1$
        return one;
    }

    /** The runbook's page for one message, or {@code null} without a runbook. */
    private static String page(String runbook, Digest.Item item) {
        if (runbook == null) {
            return null;
        }
        Map<?, ?> certificate = WarningFacts.certificate(item);
        Map<?, ?> summary = WarningFacts.summary(item);
        Object kind = certificate != null ? certificate.get("kind") : summary != null ? summary.get("kind") : null; //$NON-NLS-1$ //$NON-NLS-2$
        return Runbook.filled(runbook, text(kind), certificate == null ? null : text(certificate.get("id")), //$NON-NLS-1$
                certificate == null ? null : text(certificate.get("name"))); //$NON-NLS-1$
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String daysLeft(Object days) {
        return days instanceof Number number ? Counts.of(Messages.Summary_daysLeft, number.longValue())
                : Messages.Summary_unknownDays;
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
        return NLS.bind(Messages.Email_more, Counts.of(Messages.Count_moreMessages, count));
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        return line.length() <= max ? line : line.substring(0, max - 1) + '\u2026';
    }
}
