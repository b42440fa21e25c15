package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CSR and inventory file names from agent names: safe, stable across batches, never shared. */
class AgentFileNamesTest {

    @Test
    void aSafeNameIsUsedAsItIs() {
        assertEquals(Map.of("web-01.example.com", "web-01.example.com.csr", "db_7", "db_7.csr"),
                CsrOperation.fileNames(List.of("web-01.example.com", "db_7")));
    }

    @Test
    void unsafeNamesLoseSeparatorsDotsAndLeadingDotsAndGetAStableHash() {
        for (String name : List.of("../../etc/passwd", ".hidden", "a/b", "a\\b", "db 02", "..", "ä", "a..b")) {
            String file = CsrOperation.fileNames(List.of(name)).get(name);
            String base = file.substring(0, file.length() - ".csr".length());
            assertTrue(AgentFileNames.isSafe(base), name + " -> " + file);
            assertTrue(!file.contains("/") && !file.contains("\\") && !file.startsWith(".") && !base.contains(".."),
                    file);
            assertEquals(file, CsrOperation.fileNames(List.of(name, "other")).get(name),
                    "the same file whatever else is selected, so a retry overwrites only its own");
        }
        assertTrue(CsrOperation.fileNames(List.of("db 02")).get("db 02").startsWith("db_02-"));
    }

    @Test
    void namesThatWouldShareAFileDoNot() {
        List<String> names = List.of("a/b", "a_b", "a b", "A_B", "a:b");
        Map<String, String> files = CsrOperation.fileNames(names);
        assertEquals(names.size(), new HashSet<>(files.values().stream().map(f -> f.toLowerCase(Locale.ROOT)).toList())
                .size(), files.toString());
    }

    @Test
    void inventoryFileNamesAreOneToOneAndSafe() {
        List<String> names = List.of("db 02", "db%2002", ".x", "x", "a/b", "ä", "A".repeat(200));
        HashSet<String> seen = new HashSet<>();
        for (String name : names) {
            String file = AgentFileNames.storageName(name);
            assertTrue(seen.add(file), file);
            assertTrue(!file.startsWith(".") && !file.contains("/") && file.length() <= 180, file);
        }
        assertNotEquals(AgentFileNames.storageName("db 02"), AgentFileNames.storageName("db%2002"));
    }
}
