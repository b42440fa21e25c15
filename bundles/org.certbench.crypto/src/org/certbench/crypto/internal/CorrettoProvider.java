package org.certbench.crypto.internal;

import java.security.Provider;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * The only class that names ACCP's types, so that a missing ACCP bundle or jar fails here, as a
 * {@link NoClassDefFoundError} {@link NativeProvider} expects, and nowhere else.
 */
final class CorrettoProvider {

    private CorrettoProvider() {
    }

    /** Whether ACCP's classes are there (its bundle wired, its jar on the class path), without loading them. */
    static boolean isInstalled() {
        try {
            Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider", false, //$NON-NLS-1$
                    CorrettoProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** ACCP with its native library loaded and its self-tests (known-answer tests of every algorithm) passed. */
    static Provider loadHealthy() {
        AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = provider.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException(loadingError.getMessage(), loadingError);
        }
        provider.assertHealthy();
        return provider;
    }
}
