package org.certbench.crypto.bench;

import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
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
 * CSRs created per second with an existing key (the agent's case: its key exists, it asks for a certificate):
 * subject and SANs of a host with two static addresses, requested extensions, signature, DER encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsrBenchmark {

    /** AWS-LC through the native provider, or the JDK and BouncyCastle (see {@link BenchmarkFixtures#useCrypto}). */
    @Param({ "native", "java" })
    public String crypto;

    @Param({ "RSA_2048", "EC_P256" })
    public KeyType key;

    private KeyPair keyPair;
    private HostIdentity host;

    @Setup
    public void createKey() throws Exception {
        BenchmarkFixtures.useCrypto(crypto);
        keyPair = BenchmarkFixtures.keyPair(key);
        host = BenchmarkFixtures.host();
    }

    @Benchmark
    public CertificationRequest create() throws CertBenchCryptoException {
        return CertificationRequests.create(host, CsrOptions.defaults(), keyPair);
    }
}
