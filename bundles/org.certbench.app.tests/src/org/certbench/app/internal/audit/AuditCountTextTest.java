package org.certbench.app.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The line above the audit table counts as English does: "1 of 1 entry shown", "2 of 3 entries shown". */
class AuditCountTextTest {

    @Test
    void noneOneAndMany() {
        assertEquals("0 of 0 entries shown", AuditPart.countText(0, 0));
        assertEquals("1 of 1 entry shown", AuditPart.countText(1, 1));
        assertEquals("2 of 3 entries shown", AuditPart.countText(2, 3));
    }
}
