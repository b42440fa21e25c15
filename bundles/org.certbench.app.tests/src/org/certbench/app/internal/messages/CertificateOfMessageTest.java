package org.certbench.app.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.junit.jupiter.api.Test;

/** Which certificate a message concerns, read from its key as the expiry check and the renewal post them. */
class CertificateOfMessageTest {

    private static final String SHA256 = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
            + "AB:CD:EF:01:23:45:67:89";

    @Test
    void expiryWarningsNameTheirCertificate() {
        assertEquals(of("ca", "3f2a"), certificate("truststore.expires:3f2a:30"));
        assertEquals(of("ca", "3f2a"), certificate("truststore.expired:3f2a"));
        assertEquals(of("host", "web:443"), certificate("expiry.host.expires:web:443:" + SHA256 + ":7"));
        assertEquals(of("agent", "db-1"), certificate("expiry.agent.expired:db-1:" + SHA256));
    }

    @Test
    void failedRenewalsNameTheirAgentOrService() {
        assertEquals(of("agent", "db|1"), certificate("renewal|agent|db|1|issuer|2026-12-03T10:00:00Z"));
        assertEquals(of("host", "nginx"), certificate("renewal|host|nginx|network|2026-12-03T10:00:00Z"));
    }

    @Test
    void messagesAboutNoOneCertificateNameNone() {
        assertEquals(Optional.empty(), certificate(null));
        assertEquals(Optional.empty(), certificate("expiry.agent.summary:" + "a".repeat(64)));
        assertEquals(Optional.empty(), certificate("notify.problem:1f"));
        assertEquals(Optional.empty(), certificate("expiry.plugin.expired:x:" + SHA256));
        assertEquals(Optional.empty(), certificate("truststore.expires:"));
    }

    private static Optional<CertificateOfMessage> of(String kind, String key) {
        return Optional.of(new CertificateOfMessage(kind, key));
    }

    private static Optional<CertificateOfMessage> certificate(String key) {
        return CertificateOfMessage.of(new SystemMessage("1", Instant.EPOCH, Severity.ERROR, "s", "t", key, false));
    }
}
