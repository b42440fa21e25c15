package org.certbench.issuers.acme.internal;

import java.net.URI;
import java.time.Duration;

import org.certbench.truststore.OutboundTls;
import org.shredzone.acme4j.Session;

/** acme4j sessions over CertBench's outbound TLS, never through acme4j's provider lookup. */
final class AcmeSessions {

    private AcmeSessions() {
    }

    static Session open(URI directory, OutboundTls outbound, Duration timeout) {
        Session session = new Session(directory, new OutboundAcmeProvider(outbound));
        session.networkSettings().setTimeout(timeout);
        // a compressed body would be inflated past the size bound, so none is asked for (and one sent is refused)
        session.networkSettings().setCompressionEnabled(false);
        return session;
    }
}
