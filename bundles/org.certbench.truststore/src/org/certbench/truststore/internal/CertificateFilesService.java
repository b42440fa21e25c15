package org.certbench.truststore.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.core.LinkSafeFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.truststore.CertificateFiles;
import org.certbench.truststore.OpenedFile;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

/**
 * {@link CertificateFiles}: reads the file the administrator chose as every administrator-named file is read
 * ({@link LinkSafeFiles#readNamedAtMost}: a link followed, as {@code /etc/ssl/certs} is mostly links, then only a regular
 * file, so a FIFO is refused at once) and leaves the parsing to the crypto core.
 */
@Component(service = CertificateFiles.class)
public final class CertificateFilesService implements CertificateFiles {

    @Override
    public OpenedFile open(Path file) throws TrustStoreException {
        String name = file.toString();
        byte[] content = read(file);
        try {
            List<Certificate> certificates = Certificates.readAll(content, name);
            List<String> notices = certificates.size() > 1
                    ? List.of(NLS.bind(Messages.Open_several, certificates.size()))
                    : List.of();
            return new OpenedFile(name, certificates, null, notices);
        } catch (CertBenchCryptoException notCertificates) {
            if (notCertificates.code() != CryptoErrorCode.CSR_INSTEAD_OF_CERTIFICATE) {
                throw new TrustStoreException(NLS.bind(Messages.Open_refused, notCertificates.getMessage()),
                        notCertificates);
            }
        }
        try {
            return new OpenedFile(name, List.of(), CertificationRequests.read(content, name), List.of());
        } catch (CertBenchCryptoException badRequest) {
            throw new TrustStoreException(NLS.bind(Messages.Open_refused, badRequest.getMessage()), badRequest);
        }
    }

    private static byte[] read(Path file) throws TrustStoreException {
        try {
            byte[] content = LinkSafeFiles.readNamedAtMost(file, MAX_BYTES);
            if (content.length > MAX_BYTES) {
                throw new TrustStoreException(NLS.bind(Messages.Open_tooLarge, file, MAX_BYTES));
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new TrustStoreException(NLS.bind(Messages.Open_missing, file), e);
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Open_unreadable, e.getMessage()), e);
        }
    }

}
