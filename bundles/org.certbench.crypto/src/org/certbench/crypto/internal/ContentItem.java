package org.certbench.crypto.internal;

/** One PEM block or DER structure of a file, with its DER bytes. */
public record ContentItem(ItemKind kind, byte[] der) {

    public boolean is(ItemKind wanted) {
        return kind == wanted;
    }
}
