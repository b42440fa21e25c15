package org.certbench.crypto;

import java.nio.file.Path;
import java.security.KeyPair;

import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.ContentScanner;
import org.certbench.crypto.internal.ItemKind;

/**
 * A certificate with the private key that belongs to it, as uploaded for a host service. Reading checks
 * that they match, because services such as nginx accept a mismatched pair and then fail every handshake.
 */
public record CertificateKeyPair(Certificate certificate, KeyPair keyPair) {

    /**
     * Reads both files (each at most 1 MiB) and checks that the key is the certificate's.
     * @throws CertBenchCryptoException when either cannot be read or parsed, or they do not belong together; its
     * message says which file and why
     */
    public static CertificateKeyPair read(Path certificateFile, Path keyFile) throws CertBenchCryptoException {
        return read(BoundedInput.read(certificateFile), certificateFile.toString(), BoundedInput.read(keyFile),
                keyFile.toString());
    }

    /**
     * Parses both contents and checks that the key is the certificate's.
     * @throws WrongContentException with {@link CryptoErrorCode#CERTIFICATE_AND_KEY_SWAPPED} when the
     *                               certificate was given as the key and the key as the certificate
     * @throws KeyMismatchException  when the key is not the certificate's
     */
    public static CertificateKeyPair read(byte[] certificateContent, String certificateName, byte[] keyContent,
            String keyName) throws CertBenchCryptoException {
        Certificate certificate;
        try {
            certificate = Certificates.read(certificateContent, certificateName).certificate();
        } catch (WrongContentException e) {
            if (e.code() == CryptoErrorCode.PRIVATE_KEY_INSTEAD_OF_CERTIFICATE && holdsCertificate(keyContent, keyName)) {
                throw new WrongContentException(e, CryptoErrorCode.CERTIFICATE_AND_KEY_SWAPPED, certificateName,
                        keyName);
            }
            throw e;
        }
        KeyPair keyPair = PrivateKeys.read(keyContent, keyName);
        requireMatch(certificate, keyPair, certificateName, keyName);
        return new CertificateKeyPair(certificate, keyPair);
    }

    /**
     * Checks that the key pair's public key is the certificate's.
     * @throws KeyMismatchException naming both files, when it is not
     */
    public static void requireMatch(Certificate certificate, KeyPair keyPair, String certificateName, String keyName)
            throws KeyMismatchException {
        if (!certificate.hasPublicKey(keyPair.getPublic())) {
            throw new KeyMismatchException(CryptoErrorCode.KEY_MISMATCH, certificateName, keyName);
        }
    }

    private static boolean holdsCertificate(byte[] content, String name) {
        try {
            return ContentScanner.scan(content, name).contains(kind -> kind == ItemKind.CERTIFICATE);
        } catch (CertBenchCryptoException unreadable) {
            return false;
        }
    }
}
