package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.messages.RecordedMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, 5: configuring a target, a generated certificate the service does not serve (and the restore that
 * follows), and an apply refused for an unsafe configuration each leave their entry in the home's audit log.
 */
class HostAuditTest {

    @TempDir
    Path work;

    @Test
    void configureGenerateRestoreAndARefusalAreAudited() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        ServerCredentials old = Pairs.selfSigned("old.example");
        Path certificateFile = work.resolve("tls/server.crt");
        Pairs.write(old, certificateFile, work.resolve("tls/server.key"));
        HostCertificateService service = new HostCertificateService(home.resolve("host"), new RecordedMessages(),
                HostIdentity::detect, Clock.systemUTC(), Duration.ofSeconds(1), false);
        service.addTarget(new HttpsTarget());
        service.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, certificateFile.toString(),
                HttpsOptions.KEY_FILE, work.resolve("tls/server.key").toString(), HttpsOptions.RELOAD_COMMAND,
                "true", HttpsOptions.CHECK_ADDRESS, "127.0.0.1:1"));

        // nothing listens at the check address: the new certificate is not served, the old pair is put back
        HostCertificateException notServed = assertThrows(HostCertificateException.class,
                () -> service.generate("https"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        HostCertificateException unsafe = assertThrows(HostCertificateException.class,
                () -> service.generate("https"));

        List<AuditEntry> entries = new AuditLog(home.resolve("audit"), null, Clock.systemUTC()).read(null).entries();
        assertEquals(List.of("settings.host", "host.generate", "host.restore", "host.generate"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(true, false, true, false), entries.stream().map(AuditEntry::ok).toList());
        assertTrue(entries.get(0).after().contains("reload.command=true"), entries.get(0).after());
        assertEquals("https", entries.get(1).object());
        assertTrue(notServed.getMessage().startsWith(entries.get(1).message()), entries.get(1).message());
        assertEquals(unsafe.getMessage(), entries.get(3).message());
        assertEquals(System.getProperty("user.name"), entries.get(3).who());
        assertEquals(old.certificatePem(), Files.readString(certificateFile));
    }
}
