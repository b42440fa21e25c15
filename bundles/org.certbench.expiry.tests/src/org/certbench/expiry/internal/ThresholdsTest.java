package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certbench.expiry.ExpiryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds per kind in the home: defaults, set, read again when another process changed them, refusals in words. */
class ThresholdsTest {

    @TempDir
    Path home;

    @Test
    void defaultsThenSetAndSeenByAnotherInstanceOnTheSameHome() throws Exception {
        Thresholds workbench = new Thresholds(home.resolve("expiry"), null);
        Thresholds shell = new Thresholds(home.resolve("expiry"), null);
        assertEquals(List.of(90, 30, 7, 1), workbench.of("ca"));
        assertEquals(List.of(30, 7, 1), workbench.of("agent"));
        assertEquals(List.of(30, 7, 1), workbench.of("haproxy"));

        shell.set("agent", List.of(7, 60, 14, 60));

        assertEquals(List.of(60, 14, 7), shell.of("agent"), "largest first, each once");
        assertEquals(List.of(60, 14, 7), workbench.of("agent"), "the other instance reads the file again");
        assertTrue(Files.readString(home.resolve("expiry/thresholds.properties")).contains("agent=60,14,7"));
        workbench.set("agent", List.of());
        assertEquals(List.of(30, 7, 1), shell.of("agent"), "an empty list puts the defaults back");
    }

    @Test
    void theTrustStoresFormerSettingIsTheCaDefault() {
        assertEquals(List.of(60, 10), new Thresholds(home.resolve("expiry"), "10, 60").of("ca"));
        assertEquals(List.of(90, 30, 7, 1), new Thresholds(home.resolve("expiry"), "soon").of("ca"));
    }

    @Test
    void badKindsAndDaysAreRefusedInWords() {
        Thresholds thresholds = new Thresholds(home.resolve("expiry"), null);

        ExpiryException kind = assertThrows(ExpiryException.class, () -> thresholds.set("Agents!", List.of(7)));
        assertEquals("'Agents!' is not a kind of certificate: a lower-case word such as ca, host or agent is expected.",
                kind.getMessage());
        ExpiryException days = assertThrows(ExpiryException.class, () -> thresholds.set("host", List.of(7, -1)));
        assertEquals("'-1' is not a threshold: whole days from 0 to 3650 are expected.", days.getMessage());
        assertEquals(List.of(30, 7, 1), thresholds.of("host"), "nothing was changed");
    }

    @Test
    void aHandEditedBadLineCostsOnlyItsKind() throws Exception {
        Files.createDirectories(home.resolve("expiry"));
        Files.writeString(home.resolve("expiry/thresholds.properties"), "host=14,x\nagent=45,3\n");
        Thresholds thresholds = new Thresholds(home.resolve("expiry"), null);

        assertEquals(List.of(30, 7, 1), thresholds.of("host"));
        assertEquals(List.of(45, 3), thresholds.of("agent"));
    }
}
