package org.certbench.crypto.internal;

import java.util.OptionalInt;

/**
 * A public key as an administrator sees it: algorithm name, size in bits where that is what matters
 * (RSA, DSA) and curve name where the curve is (EC).
 */
public record KeyDescription(String algorithm, OptionalInt bits, String curve) {

    public String sizeText() {
        if (!curve.isEmpty()) {
            return curve;
        }
        return bits.isPresent() ? Messages.format("KEY_BITS", bits.getAsInt()) : "";
    }
}
