package org.certbench.host.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.certbench.core.TextBundle;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.ServerCredentials;
import org.certbench.host.UploadCheck;
import org.eclipse.osgi.util.NLS;

/**
 * The Upload rules. Refused: whatever the crypto core refuses when reading the pair (passphrase-protected key,
 * key not matching, files swapped, not a certificate, not a key, over 1 MiB) — with its words. Accepted with
 * warnings: see {@link CertificateWarnings#upload}.
 */
final class UploadChecker {

    private UploadChecker() {
    }

    static UploadCheck check(Path certificateFile, Path keyFile, HostIdentity host, Instant now) {
        CertificateKeyPair pair;
        List<Certificate> chain;
        try {
            // reads and matches the pair first: its errors (swapped files, mismatch) are the ones to show
            pair = CertificateKeyPair.read(certificateFile, keyFile);
            chain = ChainFile.after(certificateFile);
        } catch (CertBenchCryptoException e) {
            return new UploadCheck(null, List.of(e.getMessage()), List.of(), List.of());
        }
        List<String> notices = chain.isEmpty() ? List.of()
                : List.of(TextBundle.fill(Messages.Upload_chainNotice, certificateFile.getFileName(),
                        chain.size()));
        ServerCredentials credentials = new ServerCredentials(pair.certificate(), chain, pair.keyPair());
        return new UploadCheck(credentials, List.of(),
                CertificateWarnings.upload(pair.certificate(), chain, host, now), notices);
    }
}
