package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.certbench.testing.pki.PkiFixtures;

/**
 * Mutated certificates, keys and CSRs must give a result or a CertBench error, never another exception.
 * A deterministic stand-in for the fuzzer: fixed seeds, so a failure reproduces.
 */
class RobustnessTest {

    private static final int MUTANTS_PER_SEED = 300;

    @FunctionalInterface
    private interface Reader {
        Object read(byte[] content) throws CertBenchCryptoException;
    }

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        byte[] certificate = PkiFixtures.certificate("O=Robust,CN=Robust CA").ca(true).dns("robust.example").build();
        seeds.add(certificate);
        seeds.add(Certificate.fromDer(certificate, "seed").pem().getBytes(StandardCharsets.US_ASCII));
        seeds.add(PkiFixtures.rsa().getPrivate().getEncoded());
        seeds.add(PrivateKeys.toPem(PkiFixtures.ec().getPrivate()).getBytes(StandardCharsets.US_ASCII));
        HostIdentity host = new HostIdentity("r", "r.example", List.of());
        seeds.add(CertificationRequests.create(host, CsrOptions.defaults(), PkiFixtures.ec()).der());
        return seeds;
    }

    @Test
    void readersNeverThrowAnythingButCertBenchErrors() throws Exception {
        List<Reader> readers = List.of(content -> Certificates.read(content, "fuzz").certificate().summary(),
                content -> PrivateKeys.read(content, "fuzz"),
                content -> CertificationRequests.read(content, "fuzz").subjectAlternativeNames());
        Random random = new Random(20260601);
        for (byte[] seed : seeds()) {
            for (int i = 0; i < MUTANTS_PER_SEED; i++) {
                byte[] mutant = mutate(seed, random);
                for (Reader reader : readers) {
                    try {
                        reader.read(mutant);
                    } catch (CertBenchCryptoException expected) {
                        // A typed refusal is a correct outcome.
                    } catch (RuntimeException e) {
                        fail("untyped " + e + " for input " + HexFormat.of().formatHex(mutant), e);
                    }
                }
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] copy;
        switch (random.nextInt(4)) {
            case 0 -> {
                copy = seed.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> copy = Arrays.copyOf(seed, random.nextInt(seed.length));
            case 2 -> {
                copy = seed.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            default -> {
                int at = random.nextInt(seed.length);
                copy = new byte[seed.length + 1];
                System.arraycopy(seed, 0, copy, 0, at);
                copy[at] = (byte) random.nextInt(256);
                System.arraycopy(seed, at, copy, at + 1, seed.length - at);
            }
        }
        return copy;
    }
}
