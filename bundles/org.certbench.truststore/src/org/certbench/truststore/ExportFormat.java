package org.certbench.truststore;

/** How a certificate is exported: PEM text or binary DER. */
public enum ExportFormat {
    PEM, DER
}
