package org.certbench.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import java.util.Set;

/**
 * AWS-LC, OpenSSL's algorithms in native code, through the Amazon Corretto Crypto Provider (ACCP) for the key
 * types where the JDK and BouncyCastle are slowest: ECDSA and ECDH on the NIST curves, and RSA. On this
 * machine (Temurin 25, one core) a P-256 signature takes 11 µs there against 57 µs with BouncyCastle and
 * 100 µs with SunEC, a P-256 check 34 µs against 130 and 310, an RSA-2048 signature 213 µs against 700 with
 * SunRsaSign: the same as {@code openssl speed}.
 * <p>
 * Loading it costs ≈ 0.3 s (it unpacks a 10 MB library and runs its known-answer self-tests), more than a CLI
 * command or a single certificate takes in Java: so it is used only after {@link #activate()}, which the
 * programs that do crypto in volume call (the agent's server, the fleet connector, the benchmarks).
 * <p>
 * ACCP ships for linux-x86_64 only and extracts its library into {@code java.io.tmpdir}; where it cannot load
 * (another platform, a {@code noexec} temporary directory, its self-test failing) or is turned off with
 * {@code -Dcertbench.crypto.native=false}, everything stays with the JDK and BouncyCastle, and
 * {@link #status()} says why.
 */
public final class NativeProvider {

    public static final String SWITCH_PROPERTY = "certbench.crypto.native"; //$NON-NLS-1$

    /** The JCA algorithm names that go native: every other key type keeps its provider. */
    private static final Set<String> NATIVE_KEY_ALGORITHMS = Set.of("EC", "RSA"); //$NON-NLS-1$ //$NON-NLS-2$

    private static volatile Provider provider;
    private static volatile String status = statusBeforeActivation();
    private static boolean activated;

    private NativeProvider() {
    }

    /** The native provider once {@link #activate() activated} and loaded, else empty. */
    public static Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    /** One line for an administrator: which provider does the work, or why the native one does not. */
    public static String status() {
        return status;
    }

    /**
     * Loads the native provider, once, for EC and RSA from now on, and puts it first in this JVM's provider list:
     * JSSE picks its signature and key agreement engines from that list, so only this makes TLS handshakes use
     * it.
     *
     * @return whether the native provider is now in use
     */
    public static synchronized boolean activate() {
        if (!activated) {
            activated = true;
            load();
        }
        if (provider == null) {
            return false;
        }
        Provider[] providers = Security.getProviders();
        if (providers.length == 0 || !providers[0].getName().equals(provider.getName())) {
            // a provider of the same name first is this one, or the same from another class loader (the fleet
            // benchmark's in-process agents carry their own copy): either serves TLS alike
            Security.removeProvider(provider.getName());
            Security.insertProviderAt(provider, 1);
        }
        return true;
    }

    /** Which it will be, without loading anything. */
    private static String statusBeforeActivation() {
        return unavailableReason().orElseGet(() -> Messages.format("CRYPTO_NOT_NEEDED_YET")); //$NON-NLS-1$
    }

    /** Why the native provider will not be used, known before loading it: turned off, or not installed. */
    private static Optional<String> unavailableReason() {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY))) { //$NON-NLS-1$
            return Optional.of(Messages.format("CRYPTO_OFF", SWITCH_PROPERTY)); //$NON-NLS-1$
        }
        return accpInstalled() ? Optional.empty() : Optional.of(Messages.format("CRYPTO_NOT_INSTALLED")); //$NON-NLS-1$
    }

    /**
     * Whether ACCP's classes are there (its bundle wired, its jar on the class path), loading nothing. Not in
     * {@link CorrettoProvider}: the verifier may load ACCP's types with that class, which then fails to load.
     */
    private static boolean accpInstalled() {
        try {
            Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider", false, //$NON-NLS-1$
                    NativeProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void load() {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            status = unavailable.get();
            return;
        }
        try {
            Provider loaded = CorrettoProvider.loadHealthy();
            status = Messages.format("CRYPTO_NATIVE", loaded.getName(), loaded.getVersionStr()); //$NON-NLS-1$
            provider = loaded;
        } catch (RuntimeException | LinkageError e) {
            // installed but broken: a missing or unloadable native library, a failed self-test
            status = Messages.format("CRYPTO_UNAVAILABLE", describe(e)); //$NON-NLS-1$
        }
    }

    /** The innermost cause in words: its message, or its type when it has none. */
    private static String describe(Throwable problem) {
        Throwable cause = problem;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** Whether keys of this JCA algorithm ("EC", "RSA", …) are made and used by the native provider. */
    public static boolean handles(String keyAlgorithm) {
        return provider != null && NATIVE_KEY_ALGORITHMS.contains(keyAlgorithm);
    }

    /** Whether this key object already belongs to the native provider (no conversion before each use). */
    public static boolean owns(Key key) {
        Provider current = provider;
        // the package as well as the class loader: in the agent's jar one loader holds ACCP and BouncyCastle
        return current != null && key.getClass().getClassLoader() == current.getClass().getClassLoader()
                && key.getClass().getName().startsWith(current.getClass().getPackageName() + '.');
    }

    /** The native provider's form of a private key: it converts a foreign key on every use otherwise. */
    public static Optional<PrivateKey> privateKey(PKCS8EncodedKeySpec spec, String algorithm) {
        if (!handles(algorithm)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance(algorithm, provider).generatePrivate(spec));
        } catch (GeneralSecurityException | RuntimeException unsupported) {
            // e.g. an EC key on a curve AWS-LC does not implement (brainpool): the JDK or BouncyCastle takes it
            return Optional.empty();
        }
    }

    public static Optional<KeyPairGenerator> keyPairGenerator(String algorithm) {
        if (!handles(algorithm)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyPairGenerator.getInstance(algorithm, provider));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
