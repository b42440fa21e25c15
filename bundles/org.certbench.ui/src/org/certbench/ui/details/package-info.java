/**
 * The one details widget of a certificate, shared by the views (CA certificates, host services; agents to come): a
 * Details tab with its fields (subject, issuer, validity, alternative names, key type and size, extended key usage,
 * fingerprints) and a Chain tab with the path to its root, each element's state computed by the trust store's
 * {@code CertificateChains} service.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.details;
