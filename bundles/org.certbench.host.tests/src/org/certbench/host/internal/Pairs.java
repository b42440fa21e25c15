package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.host.ServerCredentials;

/** Certificate and key pairs for tests, made by the crypto core, and their files. */
final class Pairs {

    private Pairs() {
    }

    /** A self-signed pair for a host that is not this one: what a service serves before Generate. */
    static ServerCredentials selfSigned(String fqdn) throws Exception {
        return selfSigned(fqdn, KeyType.DEFAULT);
    }

    static ServerCredentials selfSigned(String fqdn, KeyType type) throws Exception {
        KeyPair key = PrivateKeys.generate(type);
        String hostname = fqdn.contains(".") ? fqdn.substring(0, fqdn.indexOf('.')) : fqdn;
        Certificate certificate = SelfSignedCertificates.create(new HostIdentity(hostname, fqdn, List.of()), key,
                Clock.systemUTC());
        return new ServerCredentials(certificate, List.of(), key);
    }

    static void write(ServerCredentials credentials, Path certificateFile, Path keyFile) throws IOException {
        Files.createDirectories(certificateFile.toAbsolutePath().getParent());
        Files.writeString(certificateFile, credentials.certificatePem());
        Files.writeString(keyFile, credentials.keyPem());
    }

    static Path writeCertificate(Certificate certificate, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, certificate.pem());
        return file;
    }
}
