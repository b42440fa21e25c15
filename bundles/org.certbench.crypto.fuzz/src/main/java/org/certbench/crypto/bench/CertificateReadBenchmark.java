package org.certbench.crypto.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.CaImportCheck;
import org.certbench.crypto.CaImportRules;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.KeyType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Certificates read and checked against the CA import rules per second, as the import wizard does it:
 * {@link Certificates#read(byte[], String)} then {@link CaImportRules#check}. Each call gets the next of 4,096
 * distinct certificates (the JDK's CertificateFactory caches identical bytes, ARCHITECTURE.md §7; the crypto
 * core parses with BouncyCastle, but distinct input keeps any cache out of the number).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateReadBenchmark {

    private static final int DISTINCT = 4096;

    /** AWS-LC through the native provider, or the JDK and BouncyCastle (see {@link BenchmarkFixtures#useCrypto}). */
    @Param({ "native", "java" })
    public String crypto;

    @Param({ "RSA_2048", "EC_P256" })
    public KeyType key;

    @Param({ "PEM", "DER" })
    public String encoding;

    private byte[][] files;
    private int next;

    @Setup
    public void createCertificates() throws Exception {
        BenchmarkFixtures.useCrypto(crypto);
        byte[][] der = BenchmarkFixtures.distinctCaCertificates(DISTINCT, key);
        files = new byte[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            files[i] = "PEM".equals(encoding)
                    ? Certificate.fromDer(der[i], "bench").pem().getBytes(StandardCharsets.US_ASCII)
                    : der[i];
        }
    }

    @Benchmark
    public CaImportCheck readAndCheck() throws CertBenchCryptoException {
        byte[] file = files[next++ & (DISTINCT - 1)];
        return CaImportRules.check(Certificates.read(file, "ca.crt").certificate(), BenchmarkFixtures.NOW);
    }
}
