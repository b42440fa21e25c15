package org.certbench.agent;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certbench.crypto.PrivateKeys;

/**
 * A certification authority in a directory, made and run with the real openssl as the seed describes
 * ({@code openssl x509 -req … -copy_extensions copyall}). Certificates openssl 3.0 cannot make (validity
 * in the past or the future) are signed with BouncyCastle using the same CA key.
 */
public final class MicroCa {

    private static final AtomicLong SERIALS = new AtomicLong(5000);

    private final Path directory;
    private final String name;

    private MicroCa(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** A P-256 CA named {@code CN=name}, files {@code name.key} and {@code name.crt} in {@code directory}. */
    public static MicroCa create(Path directory, String name) {
        Openssl.run(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-subj", "/CN=" + name, "-days", "30", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return new MicroCa(directory, name);
    }

    public Path certificateFile() {
        return directory.resolve(name + ".crt");
    }

    public Path keyFile() {
        return directory.resolve(name + ".key");
    }

    /** The seed's command: issue {@code csrFile} with the extensions it requests; returns the certificate file. */
    public Path issue(Path csrFile, String certificateName) {
        Openssl.run(directory, "x509", "-req", "-in", csrFile.toString(), "-CA", certificateFile().toString(), "-CAkey",
                keyFile().toString(), "-out", certificateName, "-CAcreateserial", "-copy_extensions", "copyall",
                "-days", "10");
        return directory.resolve(certificateName);
    }

    /** Issues {@code csrFile} ignoring its extensions and adding only Client Authentication. */
    public Path issueClientAuthOnly(Path csrFile, String certificateName) throws IOException {
        Path extensions = directory.resolve(certificateName + ".ext");
        Files.writeString(extensions, "extendedKeyUsage=clientAuth\n");
        Openssl.run(directory, "x509", "-req", "-in", csrFile.toString(), "-CA", certificateFile().toString(), "-CAkey",
                keyFile().toString(), "-out", certificateName, "-CAcreateserial", "-extfile", extensions.toString(),
                "-days", "10");
        return directory.resolve(certificateName);
    }

    /** A serverAuth certificate for {@code subjectKey} with the given validity, signed by this CA's key. */
    public Path issue(PublicKey subjectKey, Instant notBefore, Instant notAfter, String certificateName)
            throws Exception {
        KeyPair caKey = PrivateKeys.read(keyFile());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name("CN=" + name),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=agent01.example.test"), SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())).getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        Path file = directory.resolve(certificateName);
        Files.writeString(file, pem);
        return file;
    }
}
