package org.certbench.expiry.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The Expiry view's counts read as English for none, one and many (choice patterns in messages.properties). */
class CountTextsTest {

    private static final Path FILE = Path.of("/tmp/expiry.csv");

    @Test
    void theExportSaysHowManyItWrote() {
        assertEquals("The overview is empty: /tmp/expiry.csv was written without certificates.",
                ExpiryExport.doneText(0, FILE));
        assertEquals("The one certificate of the overview was written to /tmp/expiry.csv.",
                ExpiryExport.doneText(1, FILE));
        assertEquals("The 4 certificates of the overview were written to /tmp/expiry.csv.",
                ExpiryExport.doneText(4, FILE));
    }
}
