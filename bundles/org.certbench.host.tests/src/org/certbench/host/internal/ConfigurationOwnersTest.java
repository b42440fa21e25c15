package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying runs a reload command as the user running CertBench (root, to install into a service's directory). A
 * home, {@code host/} or settings file that another user can change is refused before anything is written or
 * run: the reload command here only leaves a mark, which must stay absent.
 */
class ConfigurationOwnersTest {

    @TempDir
    Path work;

    private Path home;
    private Path mark;
    private Path certificateFile;
    private ServerCredentials old;
    private HostCertificateService service;

    @BeforeEach
    void configureATargetWhoseReloadLeavesAMark() throws Exception {
        home = Files.createDirectories(work.resolve("home"));
        mark = work.resolve("reload-ran");
        old = Pairs.selfSigned("old.example");
        certificateFile = work.resolve("tls/server.crt");
        Pairs.write(old, certificateFile, work.resolve("tls/server.key"));
        service = new HostCertificateService(home.resolve("host"), new RecordedMessages(), HostIdentity::detect,
                Clock.systemUTC(), Duration.ofSeconds(1), false);
        service.addTarget(new HttpsTarget());
        service.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, certificateFile.toString(),
                HttpsOptions.KEY_FILE, work.resolve("tls/server.key").toString(), HttpsOptions.RELOAD_COMMAND,
                "touch " + mark, HttpsOptions.CHECK_ADDRESS, "127.0.0.1:1"));
    }

    private void assertRefused(String reason) throws Exception {
        HostCertificateException refused = assertThrows(HostCertificateException.class,
                () -> service.generate("https"));
        assertEquals(Reason.UNSAFE_CONFIGURATION, refused.reason());
        assertEquals("Nothing was applied to HTTPS, and its reload command was not run: " + reason + ".",
                refused.getMessage());
        assertFalse(Files.exists(mark), "the reload command ran");
        assertEquals(old.certificatePem(), Files.readString(certificateFile), "a certificate was written");
    }

    @Test
    void aHostDirectoryTheGroupCanWriteIsRefused() throws Exception {
        Path host = home.resolve("host");
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertRefused(host + " can be changed by the group root (permissions rwxrwxr-x), who could then choose what "
                + "CertBench runs. Allow writing to its owner only (chmod go-w " + host + ")");
    }

    @Test
    void aHomeEveryoneCanWriteIsRefused() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xrwx"));
        assertRefused(home + " can be changed by every user (permissions rwxr-xrwx), who could then choose what "
                + "CertBench runs. Allow writing to its owner only (chmod go-w " + home + ")");
    }

    @Test
    void aSettingsFileOfAnotherUserIsRefused() throws Exception {
        Path settings = home.resolve("host/https.properties");
        UserPrincipal postgres = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(settings, postgres);
        assertRefused(settings + " belongs to postgres, not to root, who runs CertBench: postgres could choose what "
                + "CertBench runs as root. Give it to root (chown root " + settings + ")");
    }
}
