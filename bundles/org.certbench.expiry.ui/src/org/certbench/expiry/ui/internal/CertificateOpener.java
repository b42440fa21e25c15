package org.certbench.expiry.ui.internal;

import java.util.Map;

import org.certbench.ui.ShowCertificate;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Inject;

/**
 * Opens a certificate of the Expiry view in its own view: shows that view (creating it if need be), then asks it
 * by a {@link ShowCertificate} event to select the certificate. A plug-in's kind has no view of its own here.
 */
@Creatable
public final class CertificateOpener {

    /** The view of each built-in kind. */
    static final Map<String, String> VIEWS = Map.of(KindNames.CA, "org.certbench.truststore.ui.part.certificates", //$NON-NLS-1$
            KindNames.HOST, "org.certbench.host.ui.part.hosts", //$NON-NLS-1$
            KindNames.AGENT, "org.certbench.agents.ui.part.agents"); //$NON-NLS-1$

    private final EPartService parts;
    private final IEventBroker events;

    @Inject
    public CertificateOpener(EPartService parts, IEventBroker events) {
        this.parts = parts;
        this.events = events;
    }

    /** {@return whether the kind has a view to open} */
    boolean open(String kind, String key) {
        String view = VIEWS.get(kind);
        if (view == null || parts.showPart(view, PartState.ACTIVATE) == null) {
            return false;
        }
        // synchronous: the view exists now and listens
        events.send(ShowCertificate.TOPIC, new ShowCertificate(kind, key));
        return true;
    }
}
