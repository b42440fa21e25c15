package org.certbench.crypto.internal;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Principal;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A JCA certificate over a certificate the crypto core has already parsed: what a TLS handshake asks of its own
 * certificate (the DER bytes, the public key, names, validity, serial number) comes from that parse; every other
 * question goes to a full JCA certificate made from the DER on first use. Why: the agent hands each certificate it
 * applies to its key manager, and converting it through BouncyCastle's certificate factory parsed the same bytes a
 * second time (7 % of an agent's samples in a fleet renewal, FleetBenchmark).
 */
public final class ParsedX509Certificate extends X509Certificate {

    private static final long serialVersionUID = 1L;

    /** Makes the full certificate from the DER bytes when a question needs it. */
    @FunctionalInterface
    public interface Conversion {
        /** {@return the full JCA certificate of the same DER bytes} */
        X509Certificate convert() throws CertificateException;
    }

    private final transient X509CertificateHolder holder;
    private final byte[] der;
    private final transient PublicKey publicKey;
    private final transient Conversion conversion;
    private transient volatile X509Certificate full;

    /**
     * @param publicKey  the certified key as a JCA key, made once from {@code holder}
     * @param conversion makes the full certificate, for the questions a handshake does not ask
     */
    public ParsedX509Certificate(X509CertificateHolder holder, byte[] der, PublicKey publicKey,
            Conversion conversion) {
        this.holder = holder;
        this.der = der;
        this.publicKey = publicKey;
        this.conversion = conversion;
    }

    private X509Certificate full() {
        X509Certificate known = full;
        if (known == null) {
            try {
                // two threads may both convert; the results are equal
                known = conversion.convert();
            } catch (CertificateException e) {
                // the same bytes were parsed once already by the crypto core; a refusal now is a defect
                throw new IllegalStateException(e);
            }
            full = known;
        }
        return known;
    }

    @Override
    public byte[] getEncoded() throws CertificateEncodingException {
        return der.clone();
    }

    @Override
    public PublicKey getPublicKey() {
        return publicKey;
    }

    @Override
    public X500Principal getSubjectX500Principal() {
        return principal(holder.getSubject());
    }

    @Override
    public X500Principal getIssuerX500Principal() {
        return principal(holder.getIssuer());
    }

    private static X500Principal principal(org.bouncycastle.asn1.x500.X500Name name) {
        try {
            return new X500Principal(name.getEncoded("DER"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Date getNotBefore() {
        return holder.getNotBefore();
    }

    @Override
    public Date getNotAfter() {
        return holder.getNotAfter();
    }

    @Override
    public BigInteger getSerialNumber() {
        return holder.getSerialNumber();
    }

    @Override
    public int getVersion() {
        return holder.getVersionNumber();
    }

    @Override
    public void checkValidity() throws CertificateExpiredException, CertificateNotYetValidException {
        checkValidity(new Date());
    }

    @Override
    public void checkValidity(Date date) throws CertificateExpiredException, CertificateNotYetValidException {
        full().checkValidity(date);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Principal getIssuerDN() {
        return full().getIssuerDN();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Principal getSubjectDN() {
        return full().getSubjectDN();
    }

    @Override
    public byte[] getTBSCertificate() throws java.security.cert.CertificateEncodingException {
        return full().getTBSCertificate();
    }

    @Override
    public byte[] getSignature() {
        return full().getSignature();
    }

    @Override
    public String getSigAlgName() {
        return full().getSigAlgName();
    }

    @Override
    public String getSigAlgOID() {
        return holder.getSignatureAlgorithm().getAlgorithm().getId();
    }

    @Override
    public byte[] getSigAlgParams() {
        return full().getSigAlgParams();
    }

    @Override
    public boolean[] getIssuerUniqueID() {
        return full().getIssuerUniqueID();
    }

    @Override
    public boolean[] getSubjectUniqueID() {
        return full().getSubjectUniqueID();
    }

    @Override
    public boolean[] getKeyUsage() {
        return full().getKeyUsage();
    }

    @Override
    public List<String> getExtendedKeyUsage() throws CertificateParsingException {
        return full().getExtendedKeyUsage();
    }

    @Override
    public int getBasicConstraints() {
        return full().getBasicConstraints();
    }

    @Override
    public Collection<List<?>> getSubjectAlternativeNames() throws CertificateParsingException {
        return full().getSubjectAlternativeNames();
    }

    @Override
    public Collection<List<?>> getIssuerAlternativeNames() throws CertificateParsingException {
        return full().getIssuerAlternativeNames();
    }

    @Override
    public boolean hasUnsupportedCriticalExtension() {
        return full().hasUnsupportedCriticalExtension();
    }

    @Override
    public Set<String> getCriticalExtensionOIDs() {
        return full().getCriticalExtensionOIDs();
    }

    @Override
    public Set<String> getNonCriticalExtensionOIDs() {
        return full().getNonCriticalExtensionOIDs();
    }

    @Override
    public byte[] getExtensionValue(String oid) {
        return full().getExtensionValue(oid);
    }

    @Override
    public void verify(PublicKey key) throws CertificateException, NoSuchAlgorithmException, InvalidKeyException,
            NoSuchProviderException, SignatureException {
        full().verify(key);
    }

    @Override
    public void verify(PublicKey key, String sigProvider) throws CertificateException, NoSuchAlgorithmException,
            InvalidKeyException, NoSuchProviderException, SignatureException {
        full().verify(key, sigProvider);
    }

    @Override
    public void verify(PublicKey key, Provider sigProvider) throws CertificateException, NoSuchAlgorithmException,
            InvalidKeyException, SignatureException {
        full().verify(key, sigProvider);
    }

    @Override
    public String toString() {
        return full().toString();
    }

    /** Serialized as the full certificate: the parse is this process's. */
    @Override
    protected Object writeReplace() throws java.io.ObjectStreamException {
        return full();
    }
}
