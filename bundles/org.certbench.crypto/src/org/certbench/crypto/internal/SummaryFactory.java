package org.certbench.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.certbench.crypto.CertificateSummary;
import org.certbench.crypto.Fingerprints;

/** Builds the summary of a parsed certificate. */
public final class SummaryFactory {

    private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();

    private SummaryFactory() {
    }

    public static CertificateSummary summarize(X509CertificateHolder holder, byte[] der, boolean selfSigned) {
        Extensions extensions = holder.getExtensions();
        KeyDescription key = KeyAlgorithms.describe(holder.getSubjectPublicKeyInfo());
        BasicConstraints constraints = ExtensionTexts.basicConstraints(extensions);
        return new CertificateSummary(
                DistinguishedNames.display(holder.getSubject()),
                DistinguishedNames.display(holder.getIssuer()),
                commonNameText(holder.getSubject()),
                commonNameText(holder.getIssuer()),
                holder.getSerialNumber(),
                holder.getNotBefore().toInstant(),
                holder.getNotAfter().toInstant(),
                Fingerprints.sha256(der),
                DisplayFormats.colonHex(digest("SHA-1", der)),
                ExtensionTexts.subjectAlternativeNames(extensions),
                key.algorithm(),
                key.sizeText(),
                signatureAlgorithm(holder),
                ExtensionTexts.keyUsage(extensions),
                ExtensionTexts.extendedKeyUsage(extensions),
                ExtensionTexts.basicConstraintsText(constraints),
                constraints != null && constraints.isCA(),
                selfSigned);
    }

    /**
     * Decodes the names and every extension the summary shows, so that a damaged one is refused when the
     * certificate is read; the summary itself is built only when asked for, since its self-signature check
     * is the expensive part of reading.
     */
    public static void requireDisplayable(X509CertificateHolder holder) {
        commonNameText(holder.getSubject());
        commonNameText(holder.getIssuer());
        DistinguishedNames.display(holder.getSubject());
        DistinguishedNames.display(holder.getIssuer());
        Extensions extensions = holder.getExtensions();
        ExtensionTexts.subjectAlternativeNames(extensions);
        ExtensionTexts.keyUsage(extensions);
        ExtensionTexts.extendedKeyUsage(extensions);
        ExtensionTexts.basicConstraints(extensions);
    }

    public static String signatureAlgorithm(X509CertificateHolder holder) {
        return ALGORITHM_NAMES.getAlgorithmName(holder.getSignatureAlgorithm());
    }

    /** The name's Common Name, or the words for an empty one ("Empty Common Name"). */
    public static String commonNameText(X500Name name) {
        return DistinguishedNames.commonName(name).orElseGet(() -> Messages.format("EMPTY_COMMON_NAME_DISPLAY"));
    }

    /** Same name as issuer and subject is not enough: the certificate must verify with its own key. */
    public static boolean isSelfSigned(X509CertificateHolder holder) {
        return holder.getSubject().equals(holder.getIssuer())
                && Signers.isSignedBy(holder, holder.getSubjectPublicKeyInfo());
    }

    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 and SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }
}
