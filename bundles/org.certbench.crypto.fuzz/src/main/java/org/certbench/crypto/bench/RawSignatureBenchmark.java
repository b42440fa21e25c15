package org.certbench.crypto.bench;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
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
 * The raw signature cost in Java, the floor under {@link CsrBenchmark}: one {@link Signature} object signing
 * 400 bytes (the size of a CSR's to-be-signed part) again and again, with AWS-LC (the native provider), the
 * JDK's providers (SunRsaSign, SunEC) or BouncyCastle's. Compare with {@code openssl speed rsa2048 ecdsap256}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RawSignatureBenchmark {

    @Param({ "RSA_2048", "EC_P256" })
    public KeyType key;

    @Param({ "NATIVE", "JDK", "BC" })
    public String provider;

    private final byte[] data = new byte[400];
    private Signature signature;

    @Setup
    public void init() throws Exception {
        new Random(1).nextBytes(data);
        BenchmarkFixtures.useCrypto("NATIVE".equals(provider) ? "native" : "java");
        KeyPair keyPair = BenchmarkFixtures.keyPair(key);
        String algorithm = key.isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
        if ("BC".equals(provider)) {
            BouncyCastleProvider bc = new BouncyCastleProvider();
            PrivateKey bcKey = KeyFactory.getInstance(key.algorithm(), bc)
                    .generatePrivate(new PKCS8EncodedKeySpec(keyPair.getPrivate().getEncoded()));
            signature = Signature.getInstance(algorithm, bc);
            signature.initSign(bcKey);
        } else if ("NATIVE".equals(provider)) {
            signature = Signature.getInstance(algorithm, Security.getProviders()[0]);
            signature.initSign(keyPair.getPrivate());
        } else {
            signature = Signature.getInstance(algorithm);
            signature.initSign(keyPair.getPrivate());
        }
    }

    @Benchmark
    public byte[] sign() throws Exception {
        signature.update(data);
        return signature.sign();
    }
}
