package org.certbench.agents.connector.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory and the console identity on disk: plain files, read back as written, damage reported. */
class AgentStoreTest {

    @TempDir
    Path work;

    @Test
    void agentsAndTheirTrustAreReadBackAndACaIsStoredOnceForAllItsAgents() throws Exception {
        Certificate ca = Certificate.fromDer(PkiFixtures.ca("CN=Fleet CA", PkiFixtures.freshEc()), "ca");
        Certificate pin = Certificate.fromDer(PkiFixtures.certificate("CN=db02").key(PkiFixtures.freshEc()).build(),
                "pin");
        AgentStore store = new AgentStore(work.resolve("agents"));
        AgentEntry first = new AgentEntry("db 02", "10.0.0.2", 9443, NOW, pin, ca);
        AgentEntry second = new AgentEntry("web/01", "::1", 9443, NOW, null, ca);
        store.write(first);
        store.write(second);

        AgentStore.Loaded loaded = new AgentStore(work.resolve("agents")).load();
        assertEquals(List.of(), loaded.problems());
        assertEquals(2, loaded.agents().size());
        assertTrue(loaded.agents().contains(first) && loaded.agents().contains(second), loaded.agents().toString());
        String text = Files.readString(store.fileOf("db 02"));
        assertTrue(text.contains("name=db 02") && text.contains("host=10.0.0.2"), text);
        try (var certificates = Files.list(work.resolve("agents/certificates"))) {
            assertEquals(2, certificates.count(), "the pin and the one shared CA");
        }
    }

    @Test
    void thePinnedKeyIsReadBackAndAnInventoryFromBeforeKeyPinsPinsTheKeyOfThePinnedCertificate() throws Exception {
        Certificate ca = Certificate.fromDer(PkiFixtures.ca("CN=Fleet CA", PkiFixtures.freshEc()), "ca");
        Certificate pin = Certificate.fromDer(PkiFixtures.certificate("CN=db02").key(PkiFixtures.freshEc()).build(),
                "pin");
        Certificate issued = Certificate.fromDer(PkiFixtures.certificate("CN=web01").key(PkiFixtures.freshEc())
                .build(), "issued");
        AgentStore store = new AgentStore(work.resolve("agents"));
        AgentEntry keyOnly = new AgentEntry("web01", "10.0.0.3", 9443, NOW, null, ca,
                issued.publicKeySha256Fingerprint());
        store.write(keyOnly);
        assertTrue(Files.readString(store.fileOf("web01")).contains("pinnedKey=" + issued.publicKeySha256Fingerprint()
                .replace(":", "\\:")), "the key's fingerprint is in the file for an administrator to read");

        // written by a console from before key pins: no pinnedKey line
        store.write(new AgentEntry("db 02", "10.0.0.2", 9443, NOW, pin, ca, null));
        store.write(new AgentEntry("old", "10.0.0.4", 9443, NOW, null, ca, null));
        Map<String, AgentEntry> loaded = new AgentStore(work.resolve("agents")).load().agents().stream()
                .collect(Collectors.toMap(AgentEntry::name, agent -> agent));
        assertEquals(keyOnly, loaded.get("web01"));
        assertEquals(pin.publicKeySha256Fingerprint(), loaded.get("db 02").pinnedKey());
        assertNull(loaded.get("old").pinnedKey(), "nothing to pin: its status says how to pin its key");
    }

    @Test
    void aPinnedKeyThatIsNoFingerprintIsReported() throws Exception {
        AgentStore store = new AgentStore(work.resolve("agents"));
        Files.createDirectories(work.resolve("agents"));
        Files.writeString(work.resolve("agents/odd.agent"),
                "name=odd\nhost=10.0.0.1\nport=9443\nadded=2026-06-01T12:00:00Z\npinnedKey=12:34\n");
        AgentStore.Loaded loaded = store.load();
        assertEquals(List.of(), loaded.agents());
        assertTrue(loaded.problems().get(0).contains("'12:34' is not a SHA-256 fingerprint"), loaded.problems().get(0));
    }

    @Test
    void aDamagedAgentFileIsReportedAndTheOthersStillLoad() throws Exception {
        AgentStore store = new AgentStore(work.resolve("agents"));
        store.write(new AgentEntry("ok", "10.0.0.1", 9443, NOW, null, null));
        Files.writeString(work.resolve("agents/broken.agent"), "name=broken\nport=x\n");
        AgentStore.Loaded loaded = store.load();
        assertEquals(1, loaded.agents().size());
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.problems().get(0).startsWith("The agent file " + work.resolve("agents/broken.agent")),
                loaded.problems().get(0));
    }

    @Test
    void theConsoleKeyIsMadeOnceOwnerOnlyAndItsCertificateIsForClientAuthentication() throws Exception {
        ConsoleIdentity identity = new ConsoleIdentity(work.resolve("console"), Clock.fixed(NOW, ZoneOffset.UTC));
        Certificate certificate = identity.get().certificate();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity.keyFile())));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("console"))));
        List<String> purposes = certificate.summary().extendedKeyUsage();
        assertEquals(1, purposes.size(), purposes.toString());
        assertTrue(purposes.get(0).contains("lient"), purposes.toString());
        assertEquals(certificate, new ConsoleIdentity(work.resolve("console"), Clock.systemUTC()).get().certificate(),
                "the same identity after a restart");
    }
}
