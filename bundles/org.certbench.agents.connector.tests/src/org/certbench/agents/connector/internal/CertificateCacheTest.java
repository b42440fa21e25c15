package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;

import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

class CertificateCacheTest {

    @Test
    void keepsACertificateWhileItIsInUseAndForgetsItAfterwards() throws Exception {
        CertificateCache cache = new CertificateCache();
        Certificate kept = Certificate.fromDer(PkiFixtures.certificate("CN=kept").build(), "kept");
        cache.putIfAbsent("kept", kept);
        WeakReference<Certificate> dropped = new WeakReference<>(
                Certificate.fromDer(PkiFixtures.certificate("CN=dropped").build(), "dropped"));
        cache.putIfAbsent("dropped", dropped.get());
        Certificate other = Certificate.fromDer(PkiFixtures.certificate("CN=other").build(), "other");

        cache.putIfAbsent("kept", other);
        assertSame(kept, cache.get("kept"), "the first certificate for a fingerprint stays");
        // a collection is only asked for; a JVM that ignored every request would leave the test unable to judge
        for (int attempt = 0; attempt < 50 && dropped.get() != null; attempt++) {
            System.gc();
        }
        assertNull(dropped.get(), "nothing but the cache held it");

        assertNull(cache.get("dropped"));
        assertEquals(1, sizeOnceForgotten(cache), "the collected certificate's entry is gone, the used one is kept");
        assertTrue(cache.contains("kept"));
    }

    /** The entry of a collected certificate leaves once the collector has queued its reference. */
    private static int sizeOnceForgotten(CertificateCache cache) {
        int size = cache.size();
        for (int attempt = 0; attempt < 50 && size > 1; attempt++) {
            System.gc();
            size = cache.size();
        }
        return size;
    }
}
