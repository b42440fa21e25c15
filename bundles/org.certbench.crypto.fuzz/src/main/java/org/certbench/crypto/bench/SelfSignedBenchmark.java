package org.certbench.crypto.bench;

import java.security.KeyPair;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
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
 * Self-signed host certificates per second: with an existing key ({@code existingKey}), and with a new key
 * generated first ({@code newKey}, what "create a self-signed certificate" costs from nothing; for RSA the key
 * generation dominates).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SelfSignedBenchmark {

    /** AWS-LC through the native provider, or the JDK and BouncyCastle (see {@link BenchmarkFixtures#useCrypto}). */
    @Param({ "native", "java" })
    public String crypto;

    @Param({ "EC_P256", "RSA_2048" })
    public KeyType key;

    private final Clock clock = Clock.systemUTC();
    private KeyPair keyPair;
    private HostIdentity host;

    @Setup
    public void createKey() throws Exception {
        BenchmarkFixtures.useCrypto(crypto);
        keyPair = BenchmarkFixtures.keyPair(key);
        host = BenchmarkFixtures.host();
    }

    @Benchmark
    public Certificate existingKey() throws CertBenchCryptoException {
        return SelfSignedCertificates.create(host, keyPair, clock);
    }

    @Benchmark
    public Certificate newKey() throws CertBenchCryptoException {
        return SelfSignedCertificates.create(host, PrivateKeys.generate(key), clock);
    }
}
