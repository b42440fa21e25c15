package org.certbench.notify.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.certbench.core.JsonWriter;
import org.certbench.notify.EmailSettings;
import org.certbench.notify.SmtpSecurity;
import org.certbench.notify.WebhookAuth;
import org.certbench.notify.WebhookFormat;
import org.certbench.notify.WebhookSettings;
import org.eclipse.osgi.util.NLS;

/**
 * One channel as stored in {@code channels.json}: the fields of its kind, the others {@code null}. Its secret is a
 * file of its own ({@link ChannelStore}), never part of this record, so that no listing or log can print it.
 */
record ChannelConfig(String name, String kind, List<String> to, String from, String host, int port,
        SmtpSecurity security, String user, URI url, WebhookFormat format, WebhookAuth auth, int timeoutSeconds,
        boolean secret, String runbook) {

    static final String EMAIL = "email"; //$NON-NLS-1$
    static final String WEBHOOK = "webhook"; //$NON-NLS-1$
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}"); //$NON-NLS-1$

    ChannelConfig {
        to = to == null ? List.of() : List.copyOf(to);
    }

    /** @throws IllegalArgumentException in words unless {@code name} can be a file name of its own */
    static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Name_bad, name));
        }
        return name;
    }

    /**
     * The bound on one send as a whole (a webhook's POST, a mail's whole SMTP exchange): its own, or the default of
     * its kind for one stored without (or before there was one).
     */
    Duration timeout() {
        return timeoutSeconds <= 0 ? isEmail() ? EmailSettings.DEFAULT_TIMEOUT : WebhookSettings.DEFAULT_TIMEOUT
                : Duration.ofSeconds(Math.min(timeoutSeconds, WebhookSettings.MAX_TIMEOUT.toSeconds()));
    }

    /**
     * The channel as the audit log records a change: every setting, the webhook's URL without its path (a token in
     * Slack's), never a secret — only whether one is stored and, with {@code secretGiven}, that it was given anew.
     */
    String audited(boolean secretGiven) {
        Map<String, Object> json = toJson();
        if (!isEmail()) {
            json.put("url", redacted(url)); //$NON-NLS-1$
        }
        if (secretGiven) {
            json.put("secret_given", true); //$NON-NLS-1$
        }
        return JsonWriter.write(json);
    }

    boolean isEmail() {
        return EMAIL.equals(kind);
    }

    /** Where it sends, in words; a webhook's path is left out, since Slack's and others' carry their token. */
    String target() {
        if (isEmail()) {
            return NLS.bind(Messages.Email_target, new Object[] { String.join(", ", to), host, //$NON-NLS-1$
                    String.valueOf(port), security.name().toLowerCase(Locale.ROOT) });
        }
        return redacted(url) + " (" + format.name().toLowerCase(Locale.ROOT) + ")"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** The scheme, host and port of a URL, its path and query shown as "…" since they may hold a token. */
    static String redacted(URI url) {
        String shown = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        String rest = url.getRawPath() == null ? "" : url.getRawPath(); //$NON-NLS-1$
        return rest.isEmpty() || "/".equals(rest) && url.getRawQuery() == null ? shown + rest : shown + "/\u2026"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name); //$NON-NLS-1$
        json.put("kind", kind); //$NON-NLS-1$
        if (isEmail()) {
            json.put("to", to); //$NON-NLS-1$
            json.put("from", from); //$NON-NLS-1$
            json.put("host", host); //$NON-NLS-1$
            json.put("port", port); //$NON-NLS-1$
            json.put("security", security.name()); //$NON-NLS-1$
            json.put("user", user); //$NON-NLS-1$
        } else {
            json.put("url", url.toString()); //$NON-NLS-1$
            json.put("format", format.name()); //$NON-NLS-1$
            json.put("auth", auth.name()); //$NON-NLS-1$
        }
        json.put("timeout", timeout().toSeconds()); //$NON-NLS-1$
        json.put("secret", secret); //$NON-NLS-1$
        if (runbook != null) {
            json.put("runbook", runbook); //$NON-NLS-1$
        }
        return json;
    }

    /** @throws IllegalArgumentException when a member is missing or has the wrong type */
    static ChannelConfig fromJson(Object value) {
        if (!(value instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("a channel is not an object"); //$NON-NLS-1$
        }
        String name = checkedName(text(json, "name")); //$NON-NLS-1$
        String kind = text(json, "kind"); //$NON-NLS-1$
        boolean secret = Boolean.TRUE.equals(json.get("secret")); //$NON-NLS-1$
        if (EMAIL.equals(kind)) {
            List<String> to = new ArrayList<>();
            if (json.get("to") instanceof List<?> list) { //$NON-NLS-1$
                list.forEach(item -> to.add(String.valueOf(item)));
            }
            Object port = json.get("port"); //$NON-NLS-1$
            return new ChannelConfig(name, kind, to, text(json, "from"), text(json, "host"), //$NON-NLS-1$ //$NON-NLS-2$
                    port instanceof Long number ? number.intValue() : 0,
                    SmtpSecurity.valueOf(text(json, "security")), (String) json.get("user"), null, null, null, //$NON-NLS-1$ //$NON-NLS-2$
                    seconds(json), secret, runbook(json));
        }
        if (WEBHOOK.equals(kind)) {
            return new ChannelConfig(name, kind, List.of(), null, null, 0, null, null, URI.create(text(json, "url")), //$NON-NLS-1$
                    WebhookFormat.valueOf(text(json, "format")), WebhookAuth.valueOf(text(json, "auth")), //$NON-NLS-1$ //$NON-NLS-2$
                    seconds(json), secret, runbook(json));
        }
        throw new IllegalArgumentException("unknown kind " + kind); //$NON-NLS-1$
    }

    /** The runbook as stored; one that is no longer usable (edited by hand) is dropped, not sent. */
    private static String runbook(Map<?, ?> json) {
        if (!(json.get("runbook") instanceof String runbook)) { //$NON-NLS-1$
            return null;
        }
        try {
            return Runbook.checked(runbook);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int seconds(Map<?, ?> json) {
        return json.get("timeout") instanceof Long seconds ? (int) Math.max(0, Math.min(seconds, Integer.MAX_VALUE)) : 0; //$NON-NLS-1$
    }

    private static String text(Map<?, ?> json, String member) {
        if (json.get(member) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("no " + member); //$NON-NLS-1$
    }
}
