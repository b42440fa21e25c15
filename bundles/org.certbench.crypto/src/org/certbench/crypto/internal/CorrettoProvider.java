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
