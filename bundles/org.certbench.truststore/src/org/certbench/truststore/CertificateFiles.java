package org.certbench.truststore;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a certificate or certificate signing request file to show it, storing nothing: what File &gt; Open&hellip;
 * and a file dropped on the window show (since 1.3). An OSGi service of this bundle. The file is read without
 * following a link at its own name, only when it is a regular file (a FIFO is refused, not waited on), and at most
 * {@link #MAX_BYTES}.
 */
@ProviderType
public interface CertificateFiles {

    /** The largest file read: certificates and requests are a few kilobytes. */
    int MAX_BYTES = 1024 * 1024;

    /**
     * The certificates of {@code file} (PEM with any number of them, or DER), or else its certificate signing
     * request.
     *
     * @param file the file to show
     * @return what it holds; never {@code null}
     * @throws TrustStoreException in words when the file is missing, a link, no regular file, larger than
     *                             {@link #MAX_BYTES}, or neither certificates nor a request
     */
    OpenedFile open(Path file) throws TrustStoreException;
}
