package org.certbench.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.ContentItem;
import org.certbench.crypto.internal.ContentScanner;
import org.certbench.crypto.internal.EmptyIssuerTolerance;
import org.certbench.crypto.internal.ItemKind;
import org.certbench.crypto.internal.Messages;
import org.certbench.crypto.internal.ScannedContent;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * Reads certificates from PEM (also with text around the blocks, CRLF line ends, several blocks) or DER.
 * Only the first certificate of a file is used; the result says when there were more. Input over 1 MiB is
 * refused before it is parsed. Parsing goes through BouncyCastle rather than the JDK's CertificateFactory,
 * which rejects empty issuer or subject names that CA certificates in the field do have.
 */
public final class Certificates {

    /** The file extensions the upload rule accepts (compared without regard to case). */
    public static final Set<String> UPLOAD_EXTENSIONS = Set.of(".pem", ".crt", ".der");

    private Certificates() {
    }

    /** Reads the first certificate of a file, whatever its name. */
    public static CertificateReadResult read(Path file) throws CertBenchCryptoException {
        return read(BoundedInput.read(file), file.toString());
    }

    /**
     * Every certificate of a file, in file order — for a chain file whose first certificate is a server's and
     * the rest its chain. The first is read as {@link #read(Path)} reads it (same refusals); the others only
     * need to be certificates.
     */
    public static List<Certificate> readAll(Path file) throws CertBenchCryptoException {
        return readAll(BoundedInput.read(file), file.toString());
    }

    /**
     * Every certificate of {@code content}, in order, as {@link #readAll(Path)} reads a file's: for content a caller
     * read itself (e.g. without following a link); more than 1 MiB is refused.
     *
     * @param name the file name the administrator knows the content by, used in messages
     * @since 1.3
     */
    public static List<Certificate> readAll(byte[] content, String name) throws CertBenchCryptoException {
        BoundedInput.requireWithinLimit(content.length, name);
        List<Certificate> certificates = new java.util.ArrayList<>();
        certificates.add(read(content, name).certificate());
        List<ContentItem> items = ContentScanner.scan(content, name).items().stream()
                .filter(item -> item.is(ItemKind.CERTIFICATE)).toList();
        for (ContentItem item : items.subList(Math.min(1, items.size()), items.size())) {
            certificates.add(Certificate.fromDer(item.der(), name));
        }
        return List.copyOf(certificates);
    }

    /** Reads the first certificate of a file that must be named {@code .pem}, {@code .crt} or {@code .der}. */
    public static CertificateReadResult readUpload(Path file) throws CertBenchCryptoException {
        requireUploadExtension(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        return read(file);
    }

    /** The upload rule for content that arrived with a file name, such as a browser or wizard upload. */
    public static CertificateReadResult readUpload(byte[] content, String fileName) throws CertBenchCryptoException {
        requireUploadExtension(fileName);
        return read(content, fileName);
    }

    /**
     * Reads the first certificate of {@code content}.
     *
     * @param sourceName the file name or alias the administrator knows the content by, used in messages
     */
    public static CertificateReadResult read(byte[] content, String sourceName) throws CertBenchCryptoException {
        ScannedContent scanned = ContentScanner.scan(content, sourceName);
        ContentItem first = scanned.first(kind -> kind == ItemKind.CERTIFICATE).orElse(null);
        if (first == null) {
            throw missingCertificate(scanned, sourceName);
        }
        int count = (int) scanned.count(ItemKind.CERTIFICATE);
        List<String> notices = count > 1 ? List.of(Messages.format("ONLY_FIRST_CERTIFICATE_USED", sourceName, count))
                : List.of();
        return new CertificateReadResult(parse(first.der(), sourceName),
                scanned.pem() ? CertificateEncoding.PEM : CertificateEncoding.DER, count, notices);
    }

    static Certificate parse(byte[] der, String sourceName) throws MalformedInputException {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            // Only the first object: an OpenSSL "TRUSTED CERTIFICATE" appends trust settings after it.
            X509CertificateHolder holder = new X509CertificateHolder(EmptyIssuerTolerance
                    .parse(() -> org.bouncycastle.asn1.x509.Certificate.getInstance(in.readObject())));
            SummaryFactory.requireDisplayable(holder);
            return new Certificate(holder.getEncoded(), holder);
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CERTIFICATE, sourceName,
                    String.valueOf(e.getMessage()));
        }
    }

    private static CertBenchCryptoException missingCertificate(ScannedContent scanned, String name) {
        if (scanned.contains(ItemKind::isPrivateKey)) {
            return new WrongContentException(CryptoErrorCode.PRIVATE_KEY_INSTEAD_OF_CERTIFICATE, name);
        }
        if (scanned.contains(kind -> kind == ItemKind.CSR)) {
            return new WrongContentException(CryptoErrorCode.CSR_INSTEAD_OF_CERTIFICATE, name);
        }
        return new MalformedInputException(CryptoErrorCode.NO_CERTIFICATE, name);
    }

    private static void requireUploadExtension(String fileName) throws UnsupportedFileTypeException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (UPLOAD_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw new UnsupportedFileTypeException(CryptoErrorCode.UNSUPPORTED_FILE_TYPE, fileName);
        }
    }
}
