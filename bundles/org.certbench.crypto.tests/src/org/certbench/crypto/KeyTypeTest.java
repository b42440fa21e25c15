package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link KeyType#named}: the one reader of key type names, for settings, shell options and agents alike. */
class KeyTypeTest {

    @ParameterizedTest
    @CsvSource({ "P-256,EC_P256", "p256,EC_P256", "P-384,EC_P384", "  p 384 ,EC_P384", "RSA 2048,RSA_2048",
            "rsa-3072,RSA_3072", "RSA_4096,RSA_4096", "rsa4096,RSA_4096" })
    void namesAsAdministratorsWriteThem(String name, KeyType expected) throws Exception {
        assertEquals(expected, KeyType.named(name));
    }

    @Test
    void everyDisplayNameReadsBack() throws Exception {
        for (KeyType type : KeyType.values()) {
            assertEquals(type, KeyType.named(type.displayName()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "DSA 1024", "Ed25519", "RSA 1024", "P-521", "", "RSA" })
    void otherNamesAreRefusedInWords(String name) {
        UnsupportedKeyException refused = assertThrows(UnsupportedKeyException.class, () -> KeyType.named(name));
        assertEquals(CryptoErrorCode.UNKNOWN_KEY_TYPE, refused.code());
        assertEquals("'" + name.strip() + "' is not a key type: write one of P-256, P-384, RSA 2048, RSA 3072, RSA 4096.",
                refused.getMessage());
    }

    @Test
    void noNameIsRefusedInWords() {
        assertEquals("'' is not a key type: write one of P-256, P-384, RSA 2048, RSA 3072, RSA 4096.",
                assertThrows(UnsupportedKeyException.class, () -> KeyType.named(null)).getMessage());
    }
}
