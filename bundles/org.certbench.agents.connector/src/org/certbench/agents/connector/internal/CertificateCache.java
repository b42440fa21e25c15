package org.certbench.agents.connector.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.certbench.crypto.Certificate;

/**
 * The inventory's certificates by SHA-256 hex, each read once while anything in this process still uses it (an agent
 * entry, a status, a view). Held weakly, so that it stays as large as what is in use: held strongly it kept every
 * certificate this process ever saw, and a workbench open for months, renewing every agent and seeing each new
 * certificate, grew by one certificate per renewal. Thread-safe.
 */
final class CertificateCache {

    private static final class Entry extends WeakReference<Certificate> {
        final String hex;

        Entry(String hex, Certificate certificate, ReferenceQueue<Certificate> queue) {
            super(certificate, queue);
            this.hex = hex;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Certificate> collected = new ReferenceQueue<>();

    /** {@return the certificate with this fingerprint, or {@code null} when none is cached} */
    Certificate get(String hex) {
        Entry entry = entries.get(hex);
        return entry == null ? null : entry.get();
    }

    boolean contains(String hex) {
        return get(hex) != null;
    }

    /** Caches {@code certificate} unless one with its fingerprint is cached; drops the entries of collected ones. */
    void putIfAbsent(String hex, Certificate certificate) {
        forgetCollected();
        entries.compute(hex, (key, present) -> present != null && present.get() != null ? present
                : new Entry(key, certificate, collected));
    }

    /** {@return how many certificates are cached, collected ones not yet forgotten included} */
    int size() {
        forgetCollected();
        return entries.size();
    }

    private void forgetCollected() {
        for (Object gone = collected.poll(); gone != null; gone = collected.poll()) {
            Entry entry = (Entry) gone;
            entries.remove(entry.hex, entry);
        }
    }
}
