package org.certbench.issuers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command issuers running real programs: a real {@code openssl ca}, and programs that fail in every way. */
class CommandIssuerTest {

    private static final List<String> NAMES = List.of("agent1.example.org", "127.0.0.1");

    @TempDir
    Path work;

    private Path home;
    private Path caFile;
    private Certificate ca;
    private IssuerRegistry registry;

    @BeforeEach
    void siteCa() throws Exception {
        home = Files.createDirectories(work.resolve("home"));
        Path site = Files.createDirectories(work.resolve("site"));
        Openssl.run(site, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ca.key", "-out", "ca.pem", "-subj", "/CN=Site CA", "-days", "30", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        caFile = site.resolve("ca.pem");
        ca = Certificates.read(caFile).certificate();
        registry = new IssuerRegistry(home.resolve("issuers"), Duration.ofSeconds(2));
    }

    @Test
    void aRealOpensslCaSignsAndItsCertificateIsReturnedWithTheCa() throws Exception {
        List<String> program = opensslCa();

        Issuer issuer = registry.addCommand("site", ca, program);
        IssuedChain chain = registry.get("site").issue(csr("agent1.example.org,127.0.0.1"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE);

        assertEquals(List.of(ca), chain.chain());
        assertEquals(new BigInteger("1000", 16), chain.certificate().serialNumber());
        Path leaf = Files.writeString(work.resolve("leaf.pem"), chain.certificate().pem());
        assertEquals(leaf + ": OK\n", Openssl.run(work, "verify", "-purpose", "sslserver", "-CAfile",
                caFile.toString(), leaf.toString()));
        assertEquals(String.join("\n", program) + "\n", Files.readString(home.resolve("issuers/site.command")));
        assertEquals(ca.pem(), Files.readString(home.resolve("issuers/site.ca.pem")));
        assertEquals("command: " + String.join(" ", program), issuer.description());
        assertEquals(List.of("site"), registry.list().stream().map(Issuer::name).toList());
        assertFalse(issuer.canRevoke());

        registry.remove("site");
        assertEquals(List.of(), registry.list());
        assertFalse(Files.exists(home.resolve("issuers/site.command")));
    }

    @Test
    void issuersAreReadOnceWhileTheirFilesStayAsTheyAreAndAgainWhenOneIsEditedInPlace() throws Exception {
        registry.addCommand("site", ca, List.of("site-sign", "{csr}", "{cert}"));
        // old enough that an equal stamp proves nothing changed (a file changed in the last 2 s is always read)
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(1)));
        for (String file : List.of("site.command", "site.ca.pem", "")) {
            Files.setLastModifiedTime(home.resolve("issuers").resolve(file), hourAgo);
        }

        Issuer first = registry.get("site");
        assertSame(first, registry.get("site"), "read again although nothing changed");

        // an administrator's editor writing the file in place: the directory does not change, the file does
        Files.writeString(home.resolve("issuers/site.command"), "other-sign\n{csr}\n{cert}\n");
        assertEquals(List.of("other-sign", "{csr}", "{cert}"), ((CommandIssuer) registry.get("site")).program());

        registry.remove("site");
        assertEquals(List.of(), registry.list());
    }

    /** A real {@code openssl ca} configuration of the site CA (serials from 1000), as the program of a command issuer. */
    private List<String> opensslCa() throws Exception {
        Path site = work.resolve("site");
        Files.createDirectories(site.resolve("newcerts"));
        Files.writeString(site.resolve("index.txt"), "");
        Files.writeString(site.resolve("serial"), "1000\n");
        Path config = Files.writeString(site.resolve("ca.cnf"), String.join("\n", "[ ca ]", "default_ca = site",
                "[ site ]", "dir = " + site, "database = $dir/index.txt", "new_certs_dir = $dir/newcerts",
                "certificate = $dir/ca.pem", "private_key = $dir/ca.key", "serial = $dir/serial",
                "default_md = sha256", "default_days = 30", "policy = anything", "copy_extensions = copy",
                "unique_subject = no", "x509_extensions = server", "[ anything ]", "commonName = supplied",
                "[ server ]", "basicConstraints = critical,CA:FALSE", "keyUsage = critical,digitalSignature",
                "extendedKeyUsage = serverAuth", ""));
        return List.of("openssl", "ca", "-batch", "-config", config.toString(), "-in", "{csr}", "-out", "{cert}",
                "-notext");
    }

    @Test
    void requestsIssuedAtOnceRunTheProgramOneAtATimeSoOpensslCaKeepsEveryOne() throws Exception {
        registry.addCommand("site", ca, opensslCa());
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<IssuedChain>> issued = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < requests; i++) {
                CertificationRequest request = csr("agent1.example.org,127.0.0.1");
                issued.add(pool.submit(() -> {
                    start.await();
                    return registry.get("site").issue(request, IssueRequest.of(IssueKind.AGENT, NAMES),
                            IssueMonitor.NONE);
                }));
            }
            start.countDown();
            Set<BigInteger> serials = new HashSet<>();
            for (Future<IssuedChain> chain : issued) {
                serials.add(chain.get().certificate().serialNumber());
            }
            assertEquals(requests, serials.size(), serials.toString());
        } finally {
            pool.shutdownNow();
        }
        List<String> index = Files.readAllLines(work.resolve("site/index.txt"));
        assertEquals(requests, index.size(), String.join("\n", index));
        // index.txt: status, expiry, revocation, serial (hex), file, subject — tab-separated
        assertEquals(requests, index.stream().map(line -> line.split("\t")[3]).distinct().count(),
                String.join("\n", index));
    }

    @Test
    void anotherProcessRunningTheIssuerHoldsItsLockAndCancelIsHeardWhileWaiting() throws Exception {
        Path ran = work.resolve("ran");
        registry.addCommand("site", ca, List.of("sh", "-c", "touch " + ran + "; exit 3", "sh", "{csr}", "{cert}"));
        Path lock = home.resolve("issuers/site.run.lock");
        // another process holding the issuer's lock as a workbench running its program would (fcntl, as Java does)
        Process other = new ProcessBuilder("/usr/bin/python3", "-c", "import fcntl, sys\n"
                + "f = open(sys.argv[1], 'a')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\n"
                + "sys.stdin.read()\n", lock.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine());
            int[] looks = new int[1];
            IssueMonitor cancelAfterThreeLooks = new IssueMonitor() {
                @Override
                public boolean isCanceled() {
                    return ++looks[0] > 3;
                }
            };

            IssuerException waited = assertThrows(IssuerException.class, () -> registry.get("site").issue(
                    csr("agent1.example.org,127.0.0.1"), IssueRequest.of(IssueKind.AGENT, NAMES),
                    cancelAfterThreeLooks));

            assertEquals(Reason.CANCELED, waited.reason(), waited.getMessage());
            assertFalse(Files.exists(ran), "the program ran while another process held the issuer's lock");
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }

        IssuerException ranAfter = assertThrows(IssuerException.class, () -> registry.get("site").issue(
                csr("agent1.example.org,127.0.0.1"), IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE));
        assertEquals(Reason.UNAVAILABLE, ranAfter.reason(), ranAfter.getMessage());
        assertTrue(Files.exists(ran), "the lock is free once the other process ended");
    }

    @Test
    void aProgramThatFailsIsAFailureWithWhatItSaid() throws Exception {
        IssuerException e = issueWith("sh", "-c", "echo 'CA says no: quota exceeded' >&2; exit 3", "sh", "{csr}",
                "{cert}");

        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals("The command issuer test failed (exit status 3); it said: CA says no: quota exceeded",
                e.getMessage());
    }

    @Test
    void aProgramThatTakesTooLongIsStopped() throws Exception {
        IssuerException e = issueWith("sh", "-c", "echo waiting for the CA; sleep 30", "sh", "{csr}", "{cert}");

        assertEquals(Reason.TIMEOUT, e.reason());
        // what the program said before it was stopped (sh may add that its child was killed)
        assertTrue(e.getMessage().startsWith("The command issuer test did not finish within 2 s and was stopped; it"
                + " said: waiting for the CA"), e.getMessage());
    }

    @Test
    void aProgramThatWritesWithoutEndIsStoppedAboveOneMebibyte() throws Exception {
        IssuerException e = issueWith("yes", "{csr}", "{cert}");

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertTrue(e.getMessage().startsWith("The command issuer test wrote more than 1 MiB of output and was stopped;"
                + " it said, at the end: "), e.getMessage());
    }

    @Test
    void cancelStopsTheRunningProgram() throws Exception {
        Path pidFile = work.resolve("site/pid");
        // exec: the shell becomes the sleep, so the pid written is the program that must be stopped
        registry.addCommand("test", ca, List.of("sh", "-c", "echo $$ > " + pidFile + ".new; mv " + pidFile + ".new "
                + pidFile + "; exec sleep 30", "sh", "{csr}", "{cert}"));
        IssueMonitor cancelOnceRunning = new IssueMonitor() {
            @Override
            public boolean isCanceled() {
                return Files.exists(pidFile);
            }
        };

        IssuerException e = assertThrows(IssuerException.class, () -> registry.get("test").issue(
                csr("agent1.example.org,127.0.0.1"), IssueRequest.of(IssueKind.AGENT, NAMES), cancelOnceRunning));

        assertEquals(Reason.CANCELED, e.reason());
        assertEquals("Cancelled before the certificate was signed.", e.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the program still runs");
    }

    @Test
    void aProgramWhoseWaiterIsInterruptedIsStopped() throws Exception {
        Path pidFile = work.resolve("site/pid");
        registry.addCommand("test", ca, List.of("sh", "-c", "echo $$ > " + pidFile + ".new; mv " + pidFile + ".new "
                + pidFile + "; exec sleep 30", "sh", "{csr}", "{cert}"));
        Thread waiter = Thread.currentThread();
        IssueMonitor interruptOnceRunning = new IssueMonitor() {
            @Override
            public boolean isCanceled() {
                if (Files.exists(pidFile)) {
                    waiter.interrupt();
                }
                return false;
            }
        };

        assertThrows(IssuerException.class, () -> registry.get("test").issue(csr("agent1.example.org,127.0.0.1"),
                IssueRequest.of(IssueKind.AGENT, NAMES), interruptOnceRunning));

        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the program still runs");
    }

    @Test
    void garbageInsteadOfACertificateIsRefused() throws Exception {
        IssuerException e = issueWith("sh", "-c", "echo garbage > \"$2\"; echo signed >&2", "sh", "{csr}", "{cert}");

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertTrue(e.getMessage().startsWith("The command issuer test did not write a certificate: The file "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; it said: signed"), e.getMessage());
    }

    @Test
    void noCertificateAtAllIsRefused() throws Exception {
        IssuerException e = issueWith("sh", "-c", "true", "sh", "{csr}", "{cert}");

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertEquals("The command issuer test finished but wrote no certificate to {cert}; it said: (nothing)",
                e.getMessage());
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        Path other = Files.writeString(work.resolve("other.csr"), csr("agent1.example.org,127.0.0.1").pem());
        IssuerException e = issueWith("sh", "-c", "openssl x509 -req -in " + other + " -CA site/ca.pem -CAkey "
                + "site/ca.key -days 1 -copy_extensions copyall -out \"$2\"", "sh", "{csr}", "{cert}");

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertTrue(e.getMessage().startsWith("The command issuer test wrote a certificate for another key than the"
                + " request's (CN=agent1.example.org); it is not used."), e.getMessage());
    }

    @Test
    void aCertificateForOtherNamesIsRefused() throws Exception {
        Path extensions = Files.writeString(work.resolve("ext.cnf"), "subjectAltName=DNS:bank.example.com\n"
                + "extendedKeyUsage=serverAuth\n");
        IssuerException e = issueWith("sh", "-c", "openssl x509 -req -in \"$1\" -CA site/ca.pem -CAkey site/ca.key"
                + " -days 1 -extfile " + extensions + " -out \"$2\"", "sh", "{csr}", "{cert}");

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertEquals("The command issuer test wrote a certificate for the names bank.example.com, not for "
                + "agent1.example.org, 127.0.0.1; it is not used.", e.getMessage());
    }

    @Test
    void aConfigurationOthersCanChangeIsRefusedBeforeAnythingRuns() throws Exception {
        Path marker = work.resolve("ran");
        registry.addCommand("test", ca, List.of("sh", "-c", "touch " + marker, "sh", "{csr}", "{cert}"));
        Path issuers = home.resolve("issuers");
        // the attack: with issuers/ writable by its group, any member replaces what runs as this user (as root)
        Files.setPosixFilePermissions(issuers, PosixFilePermissions.fromString("rwxrwx---"));
        Files.writeString(issuers.resolve("test.command.new"), "sh\n-c\ntouch " + marker + "\nsh\n{csr}\n{cert}\n");
        Files.move(issuers.resolve("test.command.new"), issuers.resolve("test.command"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        IssuerException e = assertThrows(IssuerException.class, () -> registry.get("test").issue(
                csr("agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE));

        assertEquals(Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().startsWith("The command issuer test was not run: " + issuers), e.getMessage());
        assertTrue(e.getMessage().contains("(chmod go-w " + issuers + ")"), e.getMessage());
        assertFalse(Files.exists(marker), "nothing ran");
    }

    @Test
    void whatCannotBeConfiguredIsRefusedInWords() throws Exception {
        assertEquals("A command issuer's program must take the request and give the certificate as files: write"
                + " '{csr}' and '{cert}' among its arguments.", assertThrows(IssuerException.class,
                        () -> registry.addCommand("x", ca, List.of("openssl", "ca"))).getMessage());
        assertEquals("'local' cannot name a command issuer: use letters, digits, '.', '_' and '-' (up to 64, starting"
                + " with a letter or digit), and not 'local'.", assertThrows(IssuerException.class,
                        () -> registry.addCommand("local", ca, List.of("x", "{csr}", "{cert}"))).getMessage());
        assertThrows(IssuerException.class, () -> registry.addCommand("../x", ca, List.of("x", "{csr}", "{cert}")));
        Certificate leaf = Certificate.fromDer(PkiFixtures.certificate("CN=leaf").key(PkiFixtures.freshEc()).build(),
                "leaf");
        assertEquals("The certificate CN=leaf is not a CA certificate (Basic Constraints CA=true): give the CA"
                + " certificate the program's certificates chain to.", assertThrows(IssuerException.class,
                        () -> registry.addCommand("x", leaf, List.of("x", "{csr}", "{cert}"))).getMessage());
    }

    private IssuerException issueWith(String... program) throws Exception {
        registry.addCommand("test", ca, List.of(program));
        Issuer issuer = registry.get("test");
        // programs run in a private directory: relative paths in these scripts start from the test's work directory
        List<String> inWork = List.of(program).stream().map(a -> a.replace("site/", work.resolve("site") + "/"))
                .toList();
        if (!inWork.equals(List.of(program))) {
            registry.addCommand("test", ca, inWork);
            issuer = registry.get("test");
        }
        Issuer chosen = issuer;
        return assertThrows(IssuerException.class, () -> chosen.issue(csr("agent1.example.org,127.0.0.1"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE));
    }

    private static CertificationRequest csr(String names) throws Exception {
        return CertificationRequests.create(new HostIdentity("agent1", "agent1.example.org", List.of()),
                CsrOptions.defaults().withCommonName("agent1.example.org")
                        .withAlternativeNames(SubjectAlternativeName.parseList(names)),
                PkiFixtures.freshEc());
    }
}
