package org.certbench.crypto.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.MalformedInputException;
import org.certbench.crypto.PassphraseProtectedKeyException;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.crypto.WrongContentException;

/**
 * Reads a private key in any of the unencrypted encodings OpenSSL and Java write (PKCS#8, PKCS#1 RSA, SEC1
 * EC, OpenSSL DSA; PEM or DER) and returns it with its public half, so that callers can match it against
 * a certificate. Encrypted keys are recognised by their structure or PEM header and refused.
 */
public final class PrivateKeyParser {

    private PrivateKeyParser() {
    }

    public static KeyPair read(byte[] content, String name) throws CertBenchCryptoException {
        ScannedContent scanned = ContentScanner.scan(content, name);
        ContentItem key = scanned.first(ItemKind::isPrivateKey).orElse(null);
        if (key == null) {
            throw missingKey(scanned, name);
        }
        if (key.kind().isEncryptedKey()) {
            throw new PassphraseProtectedKeyException(CryptoErrorCode.PASSPHRASE_PROTECTED_KEY, name);
        }
        PrivateKeyInfo info = pkcs8(key, name);
        SubjectPublicKeyInfo publicInfo = PublicKeyDerivation.publicKeyOf(info, name);
        return new KeyPair(PublicKeys.toJca(publicInfo, name), toJca(info, name));
    }

    public static PrivateKeyInfo info(PrivateKey key) {
        return PrivateKeyInfo.getInstance(key.getEncoded());
    }

    private static CertBenchCryptoException missingKey(ScannedContent scanned, String name) {
        if (scanned.contains(kind -> kind == ItemKind.CERTIFICATE)) {
            return new WrongContentException(CryptoErrorCode.CERTIFICATE_INSTEAD_OF_KEY, name);
        }
        if (scanned.contains(kind -> kind == ItemKind.CSR)) {
            return new WrongContentException(CryptoErrorCode.CSR_INSTEAD_OF_KEY, name);
        }
        return new MalformedInputException(CryptoErrorCode.NO_PRIVATE_KEY, name);
    }

    private static PrivateKeyInfo pkcs8(ContentItem key, String name) throws MalformedInputException {
        try {
            return switch (key.kind()) {
                case PKCS1_RSA_KEY -> new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(key.der()));
                case SEC1_EC_KEY -> fromSec1(ECPrivateKey.getInstance(key.der()), name);
                case OPENSSL_DSA_KEY -> fromOpenSslDsa(ASN1Sequence.getInstance(key.der()));
                default -> PrivateKeyInfo.getInstance(key.der());
            };
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_PRIVATE_KEY, name,
                    String.valueOf(e.getMessage()));
        }
    }

    private static PrivateKeyInfo fromSec1(ECPrivateKey key, String name)
            throws IOException, MalformedInputException {
        ASN1Object curve = key.getParametersObject();
        if (curve == null) {
            throw new MalformedInputException(CryptoErrorCode.MALFORMED_PRIVATE_KEY, name, "the EC key names no curve");
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key);
    }

    /** OpenSSL's traditional DSA layout: version, p, q, g, y, x. */
    private static PrivateKeyInfo fromOpenSslDsa(ASN1Sequence fields) throws IOException {
        DSAParameter parameters = new DSAParameter(value(fields, 1), value(fields, 2), value(fields, 3));
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa, parameters),
                new ASN1Integer(value(fields, 5)));
    }

    private static BigInteger value(ASN1Sequence fields, int index) {
        return ASN1Integer.getInstance(fields.getObjectAt(index)).getValue();
    }

    private static PrivateKey toJca(PrivateKeyInfo info, String name) throws UnsupportedKeyException {
        String algorithm = KeyAlgorithms.jcaName(info.getPrivateKeyAlgorithm().getAlgorithm());
        PKCS8EncodedKeySpec spec;
        try {
            spec = new PKCS8EncodedKeySpec(info.getEncoded("DER"));
        } catch (IOException e) {
            throw new UnsupportedKeyException(e, CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, name, algorithm);
        }
        Optional<PrivateKey> nativeKey = NativeProvider.privateKey(spec, algorithm);
        if (nativeKey.isPresent()) {
            return nativeKey.get();
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException jdkCannot) {
            try {
                return KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new UnsupportedKeyException(e, CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, name, algorithm);
            }
        }
    }
}
