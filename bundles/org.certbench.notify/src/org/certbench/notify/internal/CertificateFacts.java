package org.certbench.notify.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.eclipse.osgi.util.NLS;

/**
 * The certificate behind an expiry warning, as the webhook's JSON names it: kind, id, name, fingerprint, not-after
 * instant, days left, the threshold crossed and what to do. Read from the expiry overview when the digest is
 * gathered and kept in the outbox with it, since the digest may be sent hours later by another process, when the
 * certificate may already be renewed.
 * <p>
 * The expiry check's message keys name the certificate: {@code truststore.expires:CA-ID:DAYS} and
 * {@code truststore.expired:CA-ID} for CA certificates, {@code expiry.KIND.expires:ID:SHA256:DAYS} and
 * {@code expiry.KIND.expired:ID:SHA256} for the others, {@code expiry.KIND.summary:HASH} for many at once.
 */
final class CertificateFacts {

    private static final Pattern EXPIRY_KEY = Pattern.compile(
            "(?:truststore|expiry\\.([a-z0-9-]+))\\.(expires|expired|summary):(.+)"); //$NON-NLS-1$
    private static final Pattern STAGE = Pattern.compile(":(\\d+)$"); //$NON-NLS-1$
    /** {@code ID:SHA256}, the fingerprint as 32 colon-separated hex pairs. */
    private static final Pattern FINGERPRINT = Pattern.compile("(.+):((?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2})"); //$NON-NLS-1$

    private CertificateFacts() {
    }

    /** Whether {@code key} is the key of an expiry warning. */
    static boolean isExpiryKey(String key) {
        return key != null && EXPIRY_KEY.matcher(key).matches();
    }

    /**
     * The items, those of expiry warnings with their certificate's facts; {@code rows} is asked (once) only if there
     * is such an item.
     */
    static List<Digest.Item> added(List<Digest.Item> items, Supplier<List<ExpiryRow>> rows) {
        if (items.stream().noneMatch(item -> isExpiryKey(item.key()))) {
            return items;
        }
        List<ExpiryRow> known = rows.get();
        List<Digest.Item> added = new ArrayList<>(items.size());
        for (Digest.Item item : items) {
            added.add(isExpiryKey(item.key()) ? item.withCertificate(of(item.key(), known)) : item);
        }
        return added;
    }

    /** The event a key stands for: {@code certificate.expires}, {@code .expired}, {@code .summary}, or null. */
    static String event(String key) {
        Matcher matcher = key == null ? null : EXPIRY_KEY.matcher(key);
        return matcher != null && matcher.matches() ? "certificate." + matcher.group(2) : null; //$NON-NLS-1$
    }

    /**
     * The facts of the certificate a key names: all of them when the overview still holds it, else what the key
     * itself says (kind, id, fingerprint, threshold, what to do).
     */
    static Map<String, Object> of(String key, List<ExpiryRow> rows) {
        Matcher matcher = EXPIRY_KEY.matcher(key);
        if (!matcher.matches()) {
            return null;
        }
        String kind = matcher.group(1) == null ? ExpiryKinds.CA : matcher.group(1);
        String event = matcher.group(2);
        String rest = matcher.group(3);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind); //$NON-NLS-1$
        if ("summary".equals(event)) { //$NON-NLS-1$
            facts.put("command", command(kind)); //$NON-NLS-1$
            return facts;
        }
        for (ExpiryRow row : rows) {
            if (row.kind().equals(kind) && names(rest, event, ident(row))) {
                facts.put("id", row.id()); //$NON-NLS-1$
                facts.put("name", row.name()); //$NON-NLS-1$
                facts.put("subject", row.subject()); //$NON-NLS-1$
                facts.put("sha256", row.certificate().sha256Fingerprint()); //$NON-NLS-1$
                facts.put("used_at", row.usedAt()); //$NON-NLS-1$
                facts.put("not_after", row.notAfter().toString()); //$NON-NLS-1$
                facts.put("days_left", row.daysLeft()); //$NON-NLS-1$
                break;
            }
        }
        if (!facts.containsKey("id")) { //$NON-NLS-1$
            fromKey(kind, event, rest, facts);
        }
        Matcher stage = STAGE.matcher(rest);
        if ("expires".equals(event) && stage.find()) { //$NON-NLS-1$
            facts.put("within_days", Long.valueOf(stage.group(1))); //$NON-NLS-1$
        }
        facts.put("action", action(kind, (String) facts.get("id"))); //$NON-NLS-1$ //$NON-NLS-2$
        facts.put("command", command(kind)); //$NON-NLS-1$
        return facts;
    }

    /** What the key itself says of a certificate the overview no longer holds: its id, and fingerprint but for CAs. */
    private static void fromKey(String kind, String event, String rest, Map<String, Object> facts) {
        String ident = "expires".equals(event) ? STAGE.matcher(rest).replaceFirst("") : rest; //$NON-NLS-1$ //$NON-NLS-2$
        if (ExpiryKinds.CA.equals(kind)) {
            facts.put("id", ident); //$NON-NLS-1$
            return;
        }
        Matcher fingerprint = FINGERPRINT.matcher(ident);
        if (fingerprint.matches()) {
            facts.put("id", fingerprint.group(1)); //$NON-NLS-1$
            facts.put("sha256", fingerprint.group(2)); //$NON-NLS-1$
        }
    }

    /** Whether the rest of a key ({@code IDENT} or {@code IDENT:DAYS}) is that of the row identified so. */
    private static boolean names(String rest, String event, String ident) {
        if ("expired".equals(event)) { //$NON-NLS-1$
            return rest.equals(ident);
        }
        return rest.startsWith(ident + ':') && rest.substring(ident.length() + 1).chars().allMatch(Character::isDigit);
    }

    /** As the expiry check writes it into its keys: a renewed host or agent certificate is a new one. */
    private static String ident(ExpiryRow row) {
        return ExpiryKinds.CA.equals(row.kind()) ? row.id() : row.id() + ":" + row.certificate().sha256Fingerprint(); //$NON-NLS-1$
    }

    private static String action(String kind, String id) {
        String shown = id == null ? "NAME" : id; //$NON-NLS-1$
        return switch (kind) {
        case ExpiryKinds.CA -> Messages.Action_ca;
        case ExpiryKinds.HOST -> NLS.bind(Messages.Action_host, shown);
        case ExpiryKinds.AGENT -> NLS.bind(Messages.Action_agent, shown);
        default -> NLS.bind(Messages.Action_other, kind);
        };
    }

    /** The shell command listing every certificate of the kind with its days left. */
    private static String command(String kind) {
        return "expiry:list --kind " + kind; //$NON-NLS-1$
    }
}
