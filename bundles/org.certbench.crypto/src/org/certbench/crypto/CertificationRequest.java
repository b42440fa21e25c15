package org.certbench.crypto;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.certbench.crypto.internal.DistinguishedNames;
import org.certbench.crypto.internal.ExtensionTexts;
import org.certbench.crypto.internal.KeyAlgorithms;
import org.certbench.crypto.internal.KeyDescription;
import org.certbench.crypto.internal.Pem;
import org.certbench.crypto.internal.PublicKeys;
import org.certbench.crypto.internal.Signers;

/**
 * A PKCS#10 certificate signing request, created by {@link CertificationRequests#create} or read by
 * {@link CertificationRequests#read}. Immutable; equal when the DER bytes are.
 */
public final class CertificationRequest {

    private final byte[] der;
    private final PKCS10CertificationRequest request;
    private final String subject;
    private final List<String> subjectAlternativeNames;
    private final List<String> requestedKeyUsage;
    private final List<String> requestedExtendedKeyUsage;
    private final KeyDescription key;
    /**
     * The proof of possession, checked once: a renewal's request is checked where the console reads it from the
     * agent and again by the CA that signs it, the same object both times.
     */
    private volatile Boolean signatureValid;

    /**
     * Decodes the subject and the requested extensions at once, so that a damaged CSR is refused when it is read
     * (a subject with invalid UTF-8, for one, made {@link #subject()} throw later; found by Jazzer).
     */
    CertificationRequest(byte[] der, PKCS10CertificationRequest request) {
        this.der = der.clone();
        this.request = request;
        this.subject = DistinguishedNames.display(request.getSubject());
        Extensions requested = request.getRequestedExtensions();
        this.subjectAlternativeNames = List.copyOf(ExtensionTexts.subjectAlternativeNames(requested));
        this.requestedKeyUsage = List.copyOf(ExtensionTexts.keyUsage(requested));
        this.requestedExtendedKeyUsage = List.copyOf(ExtensionTexts.extendedKeyUsage(requested));
        this.key = KeyAlgorithms.describe(request.getSubjectPublicKeyInfo());
    }

    PKCS10CertificationRequest request() {
        return request;
    }

    /** {@return the DER encoding, a fresh copy each call} */
    public byte[] der() {
        return der.clone();
    }

    /** "BEGIN CERTIFICATE REQUEST" PEM, as OpenSSL writes and every CA accepts. */
    public String pem() {
        return Pem.encode("CERTIFICATE REQUEST", der);
    }

    /** The subject DN, most specific attribute first ("CN=…, OU=…, O=…, L=…, ST=…, C=…"). */
    public String subject() {
        return subject;
    }

    /** Requested SANs as "DNS:…" / "IP:…". */
    public List<String> subjectAlternativeNames() {
        return subjectAlternativeNames;
    }

    /** {@return the key usages the request asks for, as displayed (e.g. {@code Digital Signature}); empty when none} */
    public List<String> requestedKeyUsage() {
        return requestedKeyUsage;
    }

    /** {@return the extended key usages the request asks for, as displayed; empty when none} */
    public List<String> requestedExtendedKeyUsage() {
        return requestedExtendedKeyUsage;
    }

    /**
     * {@return the algorithm of the key the request is for, as a certificate's summary names it (e.g. {@code RSA},
     * {@code EC})}
     *
     * @since 1.3
     */
    public String keyAlgorithm() {
        return key.algorithm();
    }

    /**
     * {@return the size of the key the request is for, as a certificate's summary shows it: bits for RSA/DSA
     * ("2048 bits"), the curve's name for EC ("P-256")}
     *
     * @since 1.3
     */
    public String keySize() {
        return key.sizeText();
    }

    /** Whether the request is signed by the key it contains (proof of possession). */
    public boolean isSignatureValid() {
        Boolean known = signatureValid;
        if (known == null) {
            // two threads may both check; the answers are equal
            known = Signers.isSelfSignatureValid(request);
            signatureValid = known;
        }
        return known;
    }

    /** {@return whether the request is for this public key (compared by encoding)} */
    public boolean hasPublicKey(PublicKey key) {
        return PublicKeys.same(request.getSubjectPublicKeyInfo(), PublicKeys.info(key));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificationRequest csr && Arrays.equals(der, csr.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return subject();
    }
}
