package org.certbench.agents.connector.internal.commands;

import java.time.Instant;

/**
 * {@code agent:console}: the console's client certificate, to authorise on agents with
 * {@code certbench-agent console-authorize --file FILE}.
 *
 * @param writtenTo the file it was exported to, or "-"
 */
public record ConsoleShown(String subject, String sha256Fingerprint, Instant validUntil, String writtenTo,
        String pem) {
}
