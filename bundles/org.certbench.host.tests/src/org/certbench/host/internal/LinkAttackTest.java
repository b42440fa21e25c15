package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.certbench.core.AtomicFiles;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.PairFiles;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CertBench installs host certificates as root into directories that belong to the service. Whoever owns such a
 * directory (here: {@code postgres}) plants links where root is about to write or read; the file they point to,
 * root's and outside the directory, must stay untouched, and CertBench says why it refused.
 */
class LinkAttackTest {

    private static final String SECRET = "root's secret, not for postgres\n";

    @TempDir
    Path work;

    private UserPrincipal postgres;
    private Path service;
    private Path outside;
    private ServerCredentials old;
    private ServerCredentials next;

    @BeforeEach
    void serviceDirectoryOwnedByPostgresAndARootFileOutsideIt() throws Exception {
        postgres = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        service = Files.createDirectories(work.resolve("service"));
        Files.setOwner(service, postgres);
        outside = Files.createDirectories(work.resolve("outside"));
        old = Pairs.selfSigned("old.example");
        next = Pairs.selfSigned("new.example");
        Pairs.write(old, service.resolve("server.crt"), service.resolve("server.key"));
        for (Path file : List.of(service.resolve("server.crt"), service.resolve("server.key"))) {
            Files.setOwner(file, postgres);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private Path rootSecret(String name) throws IOException {
        Path secret = Files.writeString(outside.resolve(name), SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    private static void assertUntouched(Path secret) throws IOException {
        assertEquals(SECRET, Files.readString(secret), secret + " was written");
        assertEquals("root", Files.getOwner(secret, LinkOption.NOFOLLOW_LINKS).getName(), secret + " was chowned");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)),
                secret + " was chmodded");
    }

    /** No file of the service directory holds the secret: root copied nothing through a link. */
    private void assertNotCopied() throws IOException {
        try (Stream<Path> files = Files.list(service)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !Files.isSymbolicLink(f)).toList()) {
                assertFalse(Files.readString(file).contains(SECRET.strip()), file + " holds the secret");
            }
        }
    }

    @Test
    void aKeyFileReplacedByALinkIsRefusedNeitherReadNorWrittenNorChowned() throws Exception {
        Path secret = rootSecret("secret.key");
        Path key = service.resolve("server.key");
        Files.delete(key);
        Files.createSymbolicLink(key, secret);

        IOException refused = assertThrows(IOException.class,
                () -> PairFiles.install(next, service.resolve("server.crt"), key, postgres));

        assertEquals(key + " is a symbolic link: CertBench neither writes nor reads a file through a link (whoever "
                + "owns the directory could point it at any file of the system). Remove the link, or give the file it "
                + "points to instead", refused.getMessage());
        assertUntouched(secret);
        assertNotCopied();
        assertTrue(Files.isSymbolicLink(key));
        assertEquals(old.certificatePem(), Files.readString(service.resolve("server.crt")), "nothing was installed");
    }

    @Test
    void linksPlantedAtThePreviousAndTheTemporaryNamesAreReplacedOrAvoidedNeverFollowed() throws Exception {
        Path previousTarget = rootSecret("previous");
        Path keyTemporaryTarget = rootSecret("key-temporary");
        Path certificateTemporaryTarget = rootSecret("certificate-temporary");
        Files.createSymbolicLink(service.resolve("server.key.previous"), previousTarget);
        Files.createSymbolicLink(service.resolve(".server.key.tmp"), keyTemporaryTarget);
        Files.createSymbolicLink(service.resolve(".server.crt.tmp"), certificateTemporaryTarget);

        PairFiles.install(next, service.resolve("server.crt"), service.resolve("server.key"), postgres);

        for (Path secret : List.of(previousTarget, keyTemporaryTarget, certificateTemporaryTarget)) {
            assertUntouched(secret);
        }
        Path key = service.resolve("server.key");
        assertEquals(next.keyPem(), Files.readString(key));
        assertEquals("postgres", Files.getOwner(key, LinkOption.NOFOLLOW_LINKS).getName());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        Path previous = service.resolve("server.key.previous");
        assertFalse(Files.isSymbolicLink(previous), "the planted link was replaced by the kept key");
        assertEquals(old.keyPem(), Files.readString(previous));
        assertEquals("postgres", Files.getOwner(previous, LinkOption.NOFOLLOW_LINKS).getName());

        PairFiles.restorePrevious(service.resolve("server.crt"), key);
        assertEquals(old.keyPem(), Files.readString(key));
        assertUntouched(previousTarget);
    }

    @Test
    void aFileWrittenAsRootWhereALinkStandsIsRefusedAndTheLinkLeftAsItIs() throws Exception {
        Path secret = rootSecret("settings");
        Path link = service.resolve("haproxy.pem");
        Files.createSymbolicLink(link, secret);

        IOException refused = assertThrows(IOException.class,
                () -> AtomicFiles.write(link, next.keyPem().getBytes(StandardCharsets.US_ASCII),
                        AtomicFiles.OWNER_ONLY, postgres));

        assertEquals(link + " is a symbolic link: CertBench neither writes nor reads a file through a link (whoever "
                + "owns the directory could point it at any file of the system). Remove the link, or give the file it "
                + "points to instead", refused.getMessage());
        assertUntouched(secret);
        assertEquals(secret, Files.readSymbolicLink(link));
        try (Stream<Path> files = Files.list(service)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void aServiceDirectoryReplacedByALinkToAnotherDirectoryIsRefused() throws Exception {
        // another service's key, root's, in the directory the link points to
        Path secret = rootSecret("server.key");
        Path moved = work.resolve("service-moved");
        Files.move(service, moved);
        Files.createSymbolicLink(service, outside);

        IOException refused = assertThrows(IOException.class, () -> PairFiles.install(next,
                service.resolve("server.crt"), service.resolve("server.key"), postgres));

        assertEquals(service + " is a symbolic link: CertBench writes no file into a directory behind a link "
                + "(whoever can change the link would choose where a file written as root lands). Give the directory "
                + "it points to instead, or replace the link by that directory", refused.getMessage());
        assertUntouched(secret);
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(secret), files.toList(), "nothing was written beside it");
        }
    }

    @Test
    void thePostgresqlTargetRefusesAKeyLinkInItsDataDirectoryAndKeepsServingTheOldCertificate() throws Exception {
        HostIdentity host = HostIdentity.detect();
        try (PostgresServer postgresql = PostgresServer.start(old.certificatePem(), old.keyPem())) {
            HostCertificateService hostCertificates = new HostCertificateService(work.resolve("home/host"),
                    new RecordedMessages(), () -> host, Clock.systemUTC(), Duration.ofSeconds(3), false);
            hostCertificates.addTarget(new PostgresTarget());
            hostCertificates.configure("postgresql", Map.of(PostgresOptions.DATA_DIRECTORY,
                    postgresql.dataDirectory().toString(), PostgresOptions.PORT, Integer.toString(postgresql.port())));
            Path secret = rootSecret("shadow");
            Path key = postgresql.dataDirectory().resolve("server.key");
            // what postgres can do in its own directory: put a link where root will write the key
            Files.move(key, postgresql.dataDirectory().resolve("server.key.moved"));
            Files.createSymbolicLink(key, secret);

            HostCertificateException refused = assertThrows(HostCertificateException.class,
                    () -> hostCertificates.generate("postgresql"));

            assertEquals(Reason.INSTALL_FAILED, refused.reason());
            assertTrue(refused.getMessage().contains(key + " is a symbolic link: CertBench neither writes nor reads a "
                    + "file through a link"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("Nothing was changed."), refused.getMessage());
            assertUntouched(secret);
            assertEquals(List.of(old.certificate()), hostCertificates.show("postgresql").served());
        }
    }
}
