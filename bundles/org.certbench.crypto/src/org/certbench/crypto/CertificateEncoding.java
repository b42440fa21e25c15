package org.certbench.crypto;

/** How a file was encoded: PEM text (Base64 between BEGIN/END lines) or binary DER. */
public enum CertificateEncoding {
    PEM,
    DER
}
