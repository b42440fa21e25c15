package org.certbench.host.internal;

import org.certbench.testing.servers.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A certification authority made with openssl, as an administrator's own CA would issue host certificates. */
final class TestCa {

    private final Path directory;
    private int issued;

    private TestCa(Path directory) {
        this.directory = directory;
    }

    static TestCa create(Path directory) throws IOException {
        Files.createDirectories(directory);
        TestServers.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", directory.resolve("ca.key").toString(), "-out",
                directory.resolve("ca.crt").toString(), "-days", "365", "-subj", "/CN=CertBench Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        return new TestCa(directory);
    }

    Path certificate() {
        return directory.resolve("ca.crt");
    }

    /** A key and a server certificate for the given DNS names (the first is the CN), valid 90 days. */
    Issued issue(String... dnsNames) throws IOException {
        return issue(90, "serverAuth", dnsNames);
    }

    Issued issue(int days, String extendedKeyUsage, String... dnsNames) throws IOException {
        String name = "host" + (++issued);
        Path key = directory.resolve(name + ".key");
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".crt");
        Path extensions = directory.resolve(name + ".ext");
        StringBuilder sans = new StringBuilder();
        for (String dns : dnsNames) {
            sans.append(sans.isEmpty() ? "" : ",").append("DNS:").append(dns);
        }
        Files.writeString(extensions, "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nsubjectAltName="
                + sans + "\nextendedKeyUsage=" + extendedKeyUsage + "\n");
        TestServers.run(List.of("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", request.toString(), "-subj", "/CN=" + dnsNames[0]));
        TestServers.run(List.of("openssl", "x509", "-req", "-in", request.toString(), "-CA", certificate().toString(),
                "-CAkey", directory.resolve("ca.key").toString(), "-set_serial", Long.toString(System.nanoTime()),
                "-days", Integer.toString(days), "-extfile", extensions.toString(), "-out", certificate.toString()));
        return new Issued(certificate, key);
    }

    /** The host certificate followed by this CA's certificate, as a chain file. */
    Path chainFile(Issued issued) throws IOException {
        Path chain = directory.resolve(issued.certificate().getFileName() + ".chain.crt");
        Files.writeString(chain, Files.readString(issued.certificate()) + Files.readString(certificate()));
        return chain;
    }

    record Issued(Path certificate, Path key) {
    }
}
