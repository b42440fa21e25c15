package org.certbench.crypto;

import org.certbench.crypto.internal.NativeProvider;

/**
 * Which implementation does CertBench's cryptography in this process. By default the JDK and BouncyCastle. A
 * program that does crypto in volume (the agent's TLS server, the fleet connector) calls {@link #useNative()}:
 * from then on EC (P-256, P-384, P-521) and RSA keys are made, read and used by AWS-LC through the Amazon
 * Corretto Crypto Provider where it loads (linux-x86_64), TLS handshakes included.
 * {@code -Dcertbench.crypto.native=false} keeps the JDK and BouncyCastle.
 */
public final class CryptoProviders {

    private CryptoProviders() {
    }

    /**
     * Loads the native provider (once, ≈ 0.3 s) and puts it first in this JVM's provider list, so that JSSE's
     * handshakes use it as well as this bundle.
     *
     * @return whether the native provider is now in use; if not, {@link #status()} says why
     */
    public static boolean useNative() {
        return NativeProvider.activate();
    }

    /** Whether the native provider does EC and RSA in this process. */
    public static boolean isNative() {
        return NativeProvider.provider().isPresent();
    }

    /** One line for an administrator, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (AWS-LC) for EC and RSA". */
    public static String status() {
        return NativeProvider.status();
    }
}
