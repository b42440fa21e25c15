package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.Issuers;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The local CA's signatures per second (what renewal's issuer step costs), beside {@code openssl speed ecdsap256}
 * on the same machine in the same run. A benchmark, not a test: it asserts nothing about speed. Run with
 * {@code /work/mvn-locked verify -pl … bundles/org.certbench.renewal.tests -am -Dtest=LocalIssuerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dcertbench.testArgs=-Dcertbench.bench.signatures=N} sets the count.
 */
class LocalIssuerBenchmark {

    @TempDir
    Path work;

    @Test
    void localCaSignaturesPerSecond() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(LocalIssuerBenchmark.class).getBundleContext();
        ServiceTracker<Issuers, Issuers> tracker = new ServiceTracker<>(context, Issuers.class, null);
        tracker.open();
        Issuers issuers = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(issuers);
        Issuer local = issuers.get("local");
        Openssl.run(work, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "bench.key", "-out", "bench.csr", "-subj", "/CN=bench.example.test", "-addext",
                "subjectAltName=DNS:bench.example.test");
        CertificationRequest csr = CertificationRequests.read(work.resolve("bench.csr"));
        IssueRequest request = IssueRequest.of(IssueKind.AGENT, List.of("bench.example.test"));
        int count = Integer.getInteger("certbench.bench.signatures", 5000);
        for (int i = 0; i < Math.min(500, count); i++) {
            local.issue(csr, request, IssueMonitor.NONE); // warm-up
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            local.issue(csr, request, IssueMonitor.NONE);
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        System.out.printf("[local CA] %d certificates issued (CSR checked, signed, recorded) in %.2f s: %.0f/s, "
                + "%.0f µs CPU each, one thread%n", count, elapsed / 1e9, count / (elapsed / 1e9),
                cpu / 1e3 / count);
        String speed = Openssl.run(work, "speed", "-seconds", "3", "ecdsap256");
        speed.lines().filter(line -> line.contains("256 bits ecdsa")).forEach(line -> System.out.println(
                "[openssl speed ecdsap256] sign/s verify/s: " + line.strip()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
