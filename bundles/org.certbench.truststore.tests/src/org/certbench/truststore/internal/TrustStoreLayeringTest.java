package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The trust store is a service of its own: it is wired to no application bundle (the shell), Gogo is only an
 * optional import for its commands (if imported at all), and its services register and answer.
 */
class TrustStoreLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(FileTrustStore.class);

    @Test
    void theTrustStoreIsWiredToNoShellBundle() {
        ServiceLayering.assertWiredToNoShellBundle(bundle);
    }

    @Test
    void gogoIsNotImportedOrOptionally() {
        ServiceLayering.assertGogoIsNotImportedOrOptionally(bundle);
    }

    /**
     * The shell is in this runtime (lazily started), so this shows only that the services answer;
     * TrustStoreWithoutGogoTest shows that they do without the shell and Gogo.
     */
    @Test
    void itsServicesAnswer() throws Exception {
        TrustStore store = ServiceLayering.service(bundle, TrustStore.class);
        OutboundTls outbound = ServiceLayering.service(bundle, OutboundTls.class);

        assertNotNull(store.list());
        assertNotNull(outbound.sslContext());
    }
}
