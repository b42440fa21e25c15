package org.certbench.host;

import java.security.KeyPair;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.PrivateKeys;

/**
 * What a service presents: its certificate, the chain served after it, and the private key. Built by
 * {@link HostCertificates} from a generated or a checked upload; a target only writes it.
 *
 * @param certificate the host's certificate
 * @param chain       the certificates served after it (intermediate CAs), in file order; often empty
 * @param keyPair     the private key with its public half
 */
public record ServerCredentials(Certificate certificate, List<Certificate> chain, KeyPair keyPair) {

    /** Copies the chain, so the credentials stay unchanged; not {@code null}. */
    public ServerCredentials {
        chain = List.copyOf(chain);
    }

    /** The certificate followed by the chain, PEM, as nginx and PostgreSQL read a certificate file. */
    public String certificatePem() {
        StringBuilder pem = new StringBuilder(certificate.pem());
        chain.forEach(next -> pem.append(next.pem()));
        return pem.toString();
    }

    /** The private key, unencrypted PKCS#8 PEM. */
    public String keyPem() {
        return PrivateKeys.toPem(keyPair.getPrivate());
    }
}
