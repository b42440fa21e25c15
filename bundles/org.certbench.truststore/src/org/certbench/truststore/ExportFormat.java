package org.certbench.truststore;

/** How a certificate is exported: PEM text or binary DER. */
public enum ExportFormat {
    /** Text: "BEGIN CERTIFICATE" blocks, several certificates in one file. */
    PEM,
    /** Binary ASN.1 DER: one certificate per file. */
    DER
}
