package org.certbench.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.ContentItem;
import org.certbench.crypto.internal.ContentScanner;
import org.certbench.crypto.internal.ItemKind;
import org.certbench.crypto.internal.PublicKeys;
import org.certbench.crypto.internal.RequestedExtensions;
import org.certbench.crypto.internal.ScannedContent;
import org.certbench.crypto.internal.Signers;

/**
 * Creates and reads PKCS#10 CSRs. A created CSR requests keyUsage digitalSignature (+ keyEncipherment for
 * RSA), extendedKeyUsage serverAuth and the alternative names, so that a CA copying the requested
 * extensions ({@code openssl x509 -req … -copy_extensions copyall}) issues a usable server certificate.
 */
public final class CertificationRequests {

    private CertificationRequests() {
    }

    /** A CSR signed with {@code keyPair}'s private key; see {@link CsrOptions} for the defaults. */
    public static CertificationRequest create(HostIdentity host, CsrOptions options, KeyPair keyPair)
            throws CertBenchCryptoException {
        X500Name subject = subject(host, options);
        List<SubjectAlternativeName> names = options.alternativeNames().isEmpty() ? host.subjectAlternativeNames()
                : options.alternativeNames();
        SubjectPublicKeyInfo publicKey = PublicKeys.info(keyPair.getPublic());
        try {
            PKCS10CertificationRequest request = new PKCS10CertificationRequestBuilder(subject, publicKey)
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                            RequestedExtensions.endEntity(publicKey, EnumSet.of(KeyPurpose.SERVER_AUTH), names, false))
                    .build(Signers.signer(keyPair.getPrivate(), publicKey));
            return new CertificationRequest(request.getEncoded(), request);
        } catch (IOException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, keyPair.getPrivate().getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Subject attributes from the most general (C) to the most specific (CN), the order OpenSSL writes. */
    private static X500Name subject(HostIdentity host, CsrOptions options) throws InvalidRequestException {
        String commonName = options.commonName().isEmpty() ? host.fqdn() : options.commonName();
        if (commonName.isBlank()) {
            throw new InvalidRequestException(CryptoErrorCode.EMPTY_COMMON_NAME);
        }
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        add(builder, BCStyle.C, country(options.country()));
        add(builder, BCStyle.ST, options.state());
        add(builder, BCStyle.L, options.locality());
        add(builder, BCStyle.O, options.organization());
        add(builder, BCStyle.OU, options.organizationalUnit());
        add(builder, BCStyle.CN, commonName);
        return builder.build();
    }

    private static String country(String country) throws InvalidRequestException {
        if (country.isEmpty()) {
            return country;
        }
        if (!country.matches("[A-Za-z]{2}")) {
            throw new InvalidRequestException(CryptoErrorCode.INVALID_COUNTRY, country);
        }
        return country.toUpperCase(Locale.ROOT);
    }

    private static void add(X500NameBuilder builder, ASN1ObjectIdentifier attribute, String value) {
        if (!value.isEmpty()) {
            builder.addRDN(attribute, value);
        }
    }

    /**
     * Reads a PEM or DER request file of at most 1 MiB.
     * @throws CertBenchCryptoException when the file cannot be read, holds no request or a damaged one; its message
     * says which and why
     */
    public static CertificationRequest read(Path file) throws CertBenchCryptoException {
        return read(BoundedInput.read(file), file.toString());
    }

    /** Reads the first CSR of PEM or DER content; {@code sourceName} names it in messages. */
    public static CertificationRequest read(byte[] content, String sourceName) throws CertBenchCryptoException {
        ScannedContent scanned = ContentScanner.scan(content, sourceName);
        ContentItem item = scanned.first(kind -> kind == ItemKind.CSR).orElse(null);
        if (item == null) {
            throw new MalformedInputException(CryptoErrorCode.NO_CSR, sourceName);
        }
        try {
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(item.der());
            return new CertificationRequest(request.getEncoded(), request);
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CSR, sourceName,
                    String.valueOf(e.getMessage()));
        }
    }
}
