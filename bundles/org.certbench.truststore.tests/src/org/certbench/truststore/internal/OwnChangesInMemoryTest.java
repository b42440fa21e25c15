package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import or delete of this process updates its list in memory rather than listing the directory again; what
 * another hand changed in the same moment (a file an administrator dropped in) still shows at the next look.
 */
class OwnChangesInMemoryTest {

    @TempDir
    Path work;

    @Test
    void aFileDroppedRightAfterAnImportShowsWithTheImport() throws Exception {
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Path imported = Files.writeString(work.resolve("imported.pem"),
                PkiFixtures.pem(PkiFixtures.ca("CN=Imported Root", PkiFixtures.freshEc())));

        CaEntry entry = store.importCertificate(imported).entry();
        Files.writeString(work.resolve("truststore/dropped.pem"),
                PkiFixtures.pem(PkiFixtures.ca("CN=Dropped Root", PkiFixtures.freshEc())));
        assertEquals(List.of("Dropped Root", "Imported Root"), store.list().stream().map(CaEntry::commonName).toList());

        store.delete(entry.id());
        assertEquals(List.of("Dropped Root"), store.list().stream().map(CaEntry::commonName).toList());
    }
}
