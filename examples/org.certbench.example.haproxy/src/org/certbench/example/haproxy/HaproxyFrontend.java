package org.certbench.example.haproxy;

/**
 * A line of {@code haproxy:status}: one listener of a frontend and the certificate it serves.
 *
 * @param frontend        the frontend's name in HAProxy's configuration
 * @param status          HAProxy's state of the frontend, e.g. {@code OPEN}
 * @param address         where the handshake was made, {@code host:port}, or {@code null} without a listener
 * @param certificateFile the certificate file in HAProxy's memory that is served there, or {@code null}
 * @param subject         the served certificate's subject, or {@code null}
 * @param sha256          the served certificate's SHA-256 fingerprint, or {@code null}
 * @param notAfter        the served certificate's end of validity (ISO-8601), or {@code null}
 * @param problem         why no certificate could be read there, or {@code null}
 */
public record HaproxyFrontend(String frontend, String status, String address, String certificateFile,
        String subject, String sha256, String notAfter, String problem) {
}
