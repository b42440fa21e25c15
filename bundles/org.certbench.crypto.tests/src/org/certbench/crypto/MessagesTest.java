package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.certbench.crypto.internal.Messages;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.certbench.crypto.internal.messages",
            Locale.ROOT, MessagesTest.class.getClassLoader());

    @Test
    void everyErrorCodeAndFieldHasItsText() {
        for (CryptoErrorCode code : CryptoErrorCode.values()) {
            assertTrue(BUNDLE.containsKey(code.name()), code.name());
            assertFalse(code.message("x", 1, 2).startsWith("!"), code.name());
        }
        for (SummaryField field : SummaryField.values()) {
            assertTrue(BUNDLE.containsKey("FIELD_" + field.name()), field.name());
        }
    }

    @Test
    void exceptionCarriesCodeArgumentsAndCause() {
        IllegalStateException cause = new IllegalStateException("inner");

        CertBenchCryptoException e = new MalformedInputException(cause, CryptoErrorCode.MALFORMED_CERTIFICATE, "a.pem",
                "bad tag");

        assertEquals("The file a.pem does not contain a valid X.509 certificate: bad tag", e.getMessage());
        assertEquals(CryptoErrorCode.MALFORMED_CERTIFICATE, e.code());
        assertEquals(List.of("a.pem", "bad tag"), e.arguments());
        assertEquals(cause, e.getCause());
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        assertEquals("Private keys protected by a passphrase are not supported.",
                CryptoErrorCode.PASSPHRASE_PROTECTED_KEY.message());
        assertEquals("Empty Common Name", Messages.format("EMPTY_COMMON_NAME_DISPLAY"));
    }
}
