package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.osgi.ServiceLayering;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The ACME bundle in its framework: a service bundle (no shell, Gogo optional), its service registered, and acme4j
 * (bnd-wrapped from Maven Central) wired to jose4j, slf4j 1.7 and CertBench's BouncyCastle.
 */
class AcmeLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);

    @Test
    void aServiceBundleThatRegistersAcmeIssuers() throws Exception {
        ServiceLayering.assertWiredToNoShellBundle(bundle);
        ServiceLayering.assertGogoIsNotImportedOrOptionally(bundle);
        ServiceLayering.service(bundle, AcmeIssuers.class);
    }

    @Test
    void acme4jIsWiredToJose4jSlf4jAndBouncyCastle() {
        Bundle acme4j = FrameworkUtil.getBundle(org.shredzone.acme4j.Session.class);
        assertEquals("org.shredzone.acme4j.client", acme4j.getSymbolicName());
        List<String> providers = acme4j.adapt(BundleWiring.class).getRequiredWires(null).stream()
                .map(BundleWire::getProvider).map(provider -> provider.getSymbolicName()).distinct().toList();
        assertTrue(providers.containsAll(List.of("org.bitbucket.b_c.jose4j", "slf4j.api", "bcprov", "bcpkix")),
                providers.toString());
    }
}
