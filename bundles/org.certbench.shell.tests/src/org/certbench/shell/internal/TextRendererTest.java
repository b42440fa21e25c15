package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextRendererTest {

    record Row(String commonName, String notAfter, List<String> names) {
    }

    @Test
    void aRecordIsAlignedLabelValueLines() {
        assertEquals("Common name  Root\nNot after    2030\nNames        a, b",
                TextRenderer.record(new Row("Root", "2030", List.of("a", "b"))));
    }

    @Test
    void recordsOfOneTypeAreATableWithAHeader() {
        List<Row> rows = List.of(new Row("Root", "2030", List.of()), new Row("Intermediate CA", "2029", List.of("x")));

        assertTrue(TextRenderer.isTable(rows));
        assertEquals("COMMON NAME      NOT AFTER  NAMES\n"
                + "Root             2030       -\n"
                + "Intermediate CA  2029       x", TextRenderer.table(rows));
    }

    @Test
    void mixedOrEmptyCollectionsAreNoTable() {
        assertFalse(TextRenderer.isTable(List.of()));
        assertFalse(TextRenderer.isTable(List.of(new Row("a", "b", List.of()), "text")));
        assertEquals("(none)", TextRenderer.table(List.of()));
    }

    record Details(String sha256, Instant notAfter) {
    }

    record Shown(String id, Details details) {
    }

    @Test
    void nestedRecordsAreFlattenedAndInstantsShownToTheSecond() {
        assertEquals("Id         ab12\nSha256     AB:12\nNot after  2030-01-01T00:00:00Z",
                TextRenderer.record(new Shown("ab12", new Details("AB:12", Instant.parse("2030-01-01T00:00:00.123456Z")))));
    }

    @Test
    void labelsAreWordsFromComponentNames() {
        assertEquals("Not after", TextRenderer.label("notAfter"));
        assertEquals("Sha256", TextRenderer.label("sha256"));
    }
}
