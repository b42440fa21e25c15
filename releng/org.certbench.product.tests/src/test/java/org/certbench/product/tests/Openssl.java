package org.certbench.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test PKI made with the real openssl command, as an administrator's CA would make it. */
final class Openssl {

    private final Path directory;

    Openssl(Path directory) {
        this.directory = directory;
    }

    /** A self-signed CA: NAME.key, NAME.crt. */
    Path ca(String name, String commonName) throws IOException, InterruptedException {
        run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-out", name + ".crt", "-days", "30", "-subj", "/CN=" + commonName + "/O=CertBench tests",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return directory.resolve(name + ".crt");
    }

    /** A server certificate for 127.0.0.1 signed by CA: NAME.key, NAME.crt. */
    Path server(String name, String ca) throws IOException, InterruptedException {
        run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(directory.resolve(name + ".ext"),
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        run("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".crt", "-days", "30", "-extfile", name + ".ext");
        return directory.resolve(name + ".crt");
    }

    /** NAME.p12 with password "changeit", for the JDK's HttpsServer. */
    Path pkcs12(String name) throws IOException, InterruptedException {
        run("pkcs12", "-export", "-in", name + ".crt", "-inkey", name + ".key", "-out", name + ".p12",
                "-passout", "pass:changeit");
        return directory.resolve(name + ".p12");
    }

    Command.Result run(String... arguments) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(List.of(arguments));
        Command.Result result = new Command(Path.of("/usr/bin/openssl"), words.toArray(String[]::new))
                .in(directory).run();
        if (result.status() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed: " + result);
        }
        return result;
    }
}
