package org.certbench.crypto.internal;

import org.bouncycastle.util.Properties;

/**
 * BouncyCastle 1.87 refuses certificates with an empty issuer name unless
 * {@code org.bouncycastle.x509.allow_empty_issuer_cert} is set, just as the JDK does. CertBench must import
 * such CA certificates, so parsing runs with BouncyCastle's thread-local override set: the switch covers
 * only our own parsing on the current thread and no other code in the process.
 */
public final class EmptyIssuerTolerance {

    /** A parse step that may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Parse<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * How many parses of this thread are under way: a parse may start another (a chain check converting a certificate
     * on first use), and the inner one must not take the override away from the outer one.
     */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private EmptyIssuerTolerance() {
    }

    /**
     * Runs {@code parse} with empty issuer names allowed on this thread; nested calls keep the override until the
     * outermost one ends.
     */
    public static <T, E extends Exception> T parse(Parse<T, E> parse) throws E {
        int[] depth = DEPTH.get();
        if (depth[0]++ == 0) {
            Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        }
        try {
            return parse.run();
        } finally {
            if (--depth[0] == 0) {
                Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
                DEPTH.remove();
            }
        }
    }
}
