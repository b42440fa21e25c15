package org.certbench.crypto.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance of this bundle. It is handed to JCA calls explicitly and never
 * registered with {@code Security.addProvider}: a global registration would change provider selection for
 * every other bundle in the process (and would be repeated on every bundle restart).
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
