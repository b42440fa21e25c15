package org.certbench.host.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;

/** The certificates after the first one in an uploaded certificate file: the chain served after the host's. */
final class ChainFile {

    private ChainFile() {
    }

    static List<Certificate> after(Path certificateFile) throws CertBenchCryptoException {
        List<Certificate> all = Certificates.readAll(certificateFile);
        return all.subList(1, all.size());
    }
}
