package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.IdenticalFields;
import org.junit.jupiter.api.Test;

/** Core's one rule for "the fields identical across a selection", which the certificate and agent views share. */
class IdenticalFieldsTest {

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    void onlyFieldsWithTheSameValueInEveryMapRemainInTheFirstMapsOrder() {
        Map<String, String> common = IdenticalFields.of(List.of(
                fields("issuer", "CA", "subject", "a", "status", "trusted", "expires", "2027"),
                fields("expires", "2027", "status", "trusted", "subject", "b", "issuer", "CA"),
                fields("issuer", "CA", "status", "trusted", "subject", "c", "expires", "2028")));

        assertEquals(List.of("issuer", "status"), new ArrayList<>(common.keySet()));
        assertEquals("CA", common.get("issuer"));
    }

    @Test
    void aFieldMissingInOneMapIsNotCommonEvenIfItIsNullElsewhere() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("reason", null);
        withNull.put("status", "untrusted");

        assertEquals(Map.of("status", "untrusted"), IdenticalFields.of(List.of(withNull, fields("status", "untrusted"))));
        Map<String, String> bothNull = IdenticalFields.of(List.of(withNull, new HashMap<>(withNull)));
        assertTrue(bothNull.containsKey("reason"));
    }

    @Test
    void oneMapIsItselfAndNoneIsEmpty() {
        Map<String, String> only = fields("a", "1", "b", "2");
        Map<String, String> common = IdenticalFields.of(List.of(only));
        assertEquals(only, common);
        common.remove("a");
        assertEquals(2, only.size(), "the result is a copy");
        assertTrue(IdenticalFields.of(List.<Map<String, String>>of()).isEmpty());
    }
}
