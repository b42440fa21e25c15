package org.certbench.notify.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.osgi.util.NLS;

/**
 * A channel's runbook: the page that says what to do, a URL in which {@code {kind}}, {@code {id}} and {@code {name}}
 * stand for the message's certificate. Filled URL-encoded, so that a certificate's name (chosen by whoever made the
 * certificate) can add neither a path, a query nor another host.
 */
final class Runbook {

    private static final String[] PLACEHOLDERS = { "{kind}", "{id}", "{name}" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    private static final int MAX_LENGTH = 2000;

    private Runbook() {
    }

    /**
     * The template to store: {@code null} for none (null or blank).
     *
     * @throws IllegalArgumentException in words unless it is an {@code http://} or {@code https://} URL with a host
     *                                  once its placeholders are filled
     */
    static String checked(String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String given = template.strip();
        URI filled;
        try {
            filled = given.length() > MAX_LENGTH ? null : new URI(filled(given, "ca", "id", "name")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        } catch (URISyntaxException e) {
            filled = null;
        }
        if (filled == null || filled.getHost() == null || !("https".equalsIgnoreCase(filled.getScheme()) //$NON-NLS-1$
                || "http".equalsIgnoreCase(filled.getScheme()))) { //$NON-NLS-1$
            throw new IllegalArgumentException(NLS.bind(Messages.Runbook_bad, ShownAddress.of(given)));
        }
        return given;
    }

    /** The page for one message: each placeholder replaced by its value, URL-encoded ({@code null}: empty). */
    static String filled(String template, String kind, String id, String name) {
        String[] values = { kind, id, name };
        String filled = template;
        for (int i = 0; i < PLACEHOLDERS.length; i++) {
            String value = values[i] == null ? "" : values[i]; //$NON-NLS-1$
            filled = filled.replace(PLACEHOLDERS[i],
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return filled;
    }
}
