package org.certbench.notify;

/**
 * A configured channel as lists show it.
 *
 * @param name      its name
 * @param kind      {@code email} or {@code webhook}
 * @param target    where it sends, in words (recipients and server, or the URL)
 * @param secretSet whether a password, header or HMAC secret is stored (never the secret itself)
 * @param waiting   how many digests wait in the outbox for it
 * @param failure   why its last delivery failed, in words, or empty
 */
public record Channel(String name, String kind, String target, boolean secretSet, int waiting, String failure) {
}
