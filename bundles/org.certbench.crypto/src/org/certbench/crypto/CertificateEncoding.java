package org.certbench.crypto;

/** How a file was encoded: PEM text (Base64 between BEGIN/END lines) or binary DER. */
public enum CertificateEncoding {
    /** Base64 text between "BEGIN CERTIFICATE" and "END CERTIFICATE" lines. */
    PEM,
    /** Binary ASN.1 DER. */
    DER
}
