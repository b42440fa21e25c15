package org.certbench.crypto;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extra rows for every certificate details view of CertBench (CA certificates, host certificates, agents), for
 * example the result of a plug-in's own check. A plug-in registers an implementation as an OSGi service
 * (Declarative Services: {@code @Component(service = CertificateDetailsContributor.class)}); the views pick up
 * every registered one, in service-ranking order, and a contributor that goes away takes its rows with it.
 * <p>
 * Called off the UI thread, once per certificate shown; it may read local files but should answer within a
 * fraction of a second (no network). With several certificates selected a row is shown only when every
 * certificate of the selection gets the same one, like the built-in fields. A contributor that throws is shown
 * as a row saying so, never breaks the view.
 */
@ConsumerType
public interface CertificateDetailsContributor {

    /** The rows this contributor adds for the certificate, in display order; empty when it has nothing to say. */
    List<CertificateDetail> details(Certificate certificate);

    /** Names this contributor in the row shown when it fails; by default its class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
