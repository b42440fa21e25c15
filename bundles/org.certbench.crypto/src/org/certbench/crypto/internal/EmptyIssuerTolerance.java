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

    private EmptyIssuerTolerance() {
    }

    public static <T, E extends Exception> T parse(Parse<T, E> parse) throws E {
        Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        try {
            return parse.run();
        } finally {
            Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
        }
    }
}
