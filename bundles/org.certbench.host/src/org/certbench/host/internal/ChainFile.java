package org.certbench.host.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.ContentItem;
import org.certbench.crypto.internal.ContentScanner;
import org.certbench.crypto.internal.ItemKind;

/**
 * The certificates after the first one in an uploaded certificate file: the chain the service serves after the
 * host certificate. The crypto core's public readers return the first certificate only (the CA upload rule), so
 * this uses its scanner, the one place files are split, and parses each certificate with {@link Certificate}.
 * Once the crypto core offers "all certificates of a file" in its API, this class shrinks to a call of it.
 */
final class ChainFile {

    private ChainFile() {
    }

    static List<Certificate> after(Path certificateFile) throws CertBenchCryptoException {
        String name = certificateFile.toString();
        List<Certificate> chain = new ArrayList<>();
        List<ContentItem> certificates = ContentScanner.scan(BoundedInput.read(certificateFile), name).items()
                .stream().filter(item -> item.is(ItemKind.CERTIFICATE)).toList();
        for (ContentItem item : certificates.subList(Math.min(1, certificates.size()), certificates.size())) {
            chain.add(Certificate.fromDer(item.der(), name));
        }
        return chain;
    }
}
