package org.certbench.agents.connector.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.certbench.crypto.PrivateKeys;
import org.certbench.testing.pki.Openssl;

/**
 * A micro CA in a directory, made and run with the real openssl as the seed shows. An expired certificate,
 * which openssl 3.0's {@code x509 -req} cannot make, is signed with BouncyCastle and the same CA key.
 */
final class TestCa {

    private static final AtomicLong SERIALS = new AtomicLong(7000);

    private final Path directory;
    private final String name;

    private TestCa(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    static TestCa create(Path directory, String name) throws Exception {
        Files.createDirectories(directory);
        Openssl.run(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-subj", "/CN=" + name, "-days", "30", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return new TestCa(directory, name);
    }

    Path certificateFile() {
        return directory.resolve(name + ".crt");
    }

    /** The seed's command: {@code openssl x509 -req -in X.csr -CA ca.crt -CAkey ca.key -out X.crt -CAcreateserial -copy_extensions copyall}. */
    Path issue(Path csr, Path out) {
        Openssl.run(directory, "x509", "-req", "-in", csr.toString(), "-CA", certificateFile().toString(), "-CAkey",
                directory.resolve(name + ".key").toString(), "-out", out.toString(), "-CAcreateserial",
                "-copy_extensions", "copyall");
        return out;
    }

    /** A serverAuth certificate for {@code key} valid only between the two instants (e.g. expired). */
    Path issue(PublicKey key, Instant notBefore, Instant notAfter, Path out) throws Exception {
        return issue(key, notBefore, notAfter, out, "expired.example.test", new GeneralName[0]);
    }

    /**
     * A serverAuth certificate for {@code key}, valid now for a day, for the given names (an IP address literal
     * becomes a SAN IP address, anything else a DNS name; the first is the Common Name too).
     */
    Path issueFor(PublicKey key, Path out, String... names) throws Exception {
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            alternatives[i] = new GeneralName(IPAddress.isValid(names[i]) ? GeneralName.iPAddress : GeneralName.dNSName,
                    names[i]);
        }
        Instant now = Instant.now();
        return issue(key, now.minusSeconds(3600), now.plusSeconds(86400), out, names[0], alternatives);
    }

    private Path issue(PublicKey key, Instant notBefore, Instant notAfter, Path out, String commonName,
            GeneralName[] alternatives) throws Exception {
        KeyPair caKey = PrivateKeys.read(directory.resolve(name + ".key"));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name("CN=" + name),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + commonName), SubjectPublicKeyInfo.getInstance(key.getEncoded()));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        if (alternatives.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        }
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())).getEncoded();
        Files.writeString(out, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n");
        return out;
    }
}
