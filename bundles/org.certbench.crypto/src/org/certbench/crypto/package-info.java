/**
 * The crypto core of CertBench: the one place that parses, checks, generates and writes certificates,
 * private keys and CSRs. Every other bundle and the agent program call it and never parse certificate or
 * key bytes themselves. Plain Java over BouncyCastle, no OSGi types, so it runs inside and outside OSGi.
 * <p>
 * Callers may use every public type of this package:
 * <ul>
 * <li>reading: {@link org.certbench.crypto.Certificates} (first certificate of a PEM/DER file, upload
 * rule, 1 MiB limit), {@link org.certbench.crypto.PrivateKeys}, {@link org.certbench.crypto.CertificateKeyPair}
 * (certificate + matching key), {@link org.certbench.crypto.CertificationRequests#read};</li>
 * <li>values: {@link org.certbench.crypto.Certificate} (DER, PEM, summary, fingerprints, JCA conversion),
 * {@link org.certbench.crypto.CertificateSummary} (including the fields common to a selection),
 * {@link org.certbench.crypto.CertificationRequest}, {@link org.certbench.crypto.HostIdentity};</li>
 * <li>fingerprints: {@link org.certbench.crypto.Fingerprints}, their one home ({@code sha256} of bytes,
 * {@code parseSha256} of what an administrator typed or pasted, {@code sha256Prefix} for a unique prefix,
 * {@code shown} for display);</li>
 * <li>rules: {@link org.certbench.crypto.CaImportRules}, {@link org.certbench.crypto.IssuedCertificateVerifier},
 * {@link org.certbench.crypto.ServerChainValidator} (outbound TLS chains against the trust store's CAs, indexed by
 * {@link org.certbench.crypto.TrustAnchorIndex});</li>
 * <li>extending: {@link org.certbench.crypto.CertificateDetailsContributor} (an OSGi service adding rows to every
 * certificate details view), {@link org.certbench.crypto.ContributedDetails} (how views gather those rows);</li>
 * <li>making: {@link org.certbench.crypto.PrivateKeys#generate}, {@link org.certbench.crypto.SelfSignedCertificates},
 * {@link org.certbench.crypto.CertificationRequests#create}, with {@link org.certbench.crypto.KeyType} (with {@link org.certbench.crypto.KeyType#named}, the one
 * reader of a key type's name) and
 * {@link org.certbench.crypto.KeyPurpose};</li>
 * <li>signing as a CA: {@link org.certbench.crypto.CertificateAuthority} (a root, the certificates it signs from
 * CSRs, its revocation lists), {@link org.certbench.crypto.RevocationList} (an X.509 CRL, made or read);</li>
 * <li>the implementation in use: {@link org.certbench.crypto.CryptoProviders} (JDK and BouncyCastle, or the native
 * provider where it loads).</li>
 * </ul>
 * Every refusal is a {@link org.certbench.crypto.CertBenchCryptoException} (or a subclass) whose message is
 * written for an administrator and whose {@link org.certbench.crypto.CryptoErrorCode} is for programs.
 * Methods that judge validity take the current instant as a parameter. The package
 * {@code org.certbench.crypto.internal} is not API.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.certbench.crypto;
