package org.certbench.app.internal.messages;

import java.util.Map;

import org.certbench.ui.ShowCertificate;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Inject;

/**
 * Shows the view that holds a message's certificate and asks it, through the views' {@link ShowCertificate}
 * request, to select it: the Messages view knows the views by their part ids only, never their insides.
 */
@Creatable
public final class CertificateViewOpener {

    /** The view of each kind of certificate a message may concern. */
    static final Map<String, String> VIEWS = Map.of("ca", "org.certbench.truststore.ui.part.certificates", //$NON-NLS-1$ //$NON-NLS-2$
            "host", "org.certbench.host.ui.part.hosts", //$NON-NLS-1$ //$NON-NLS-2$
            "agent", "org.certbench.agents.ui.part.agents"); //$NON-NLS-1$ //$NON-NLS-2$

    private final EPartService parts;
    private final IEventBroker events;

    @Inject
    public CertificateViewOpener(EPartService parts, IEventBroker events) {
        this.parts = parts;
        this.events = events;
    }

    /** {@return whether the certificate's view was shown (a view of a plug-in that is gone is not)} */
    boolean open(CertificateOfMessage certificate) {
        String view = VIEWS.get(certificate.kind());
        if (view == null || parts.showPart(view, PartState.ACTIVATE) == null) {
            return false;
        }
        // synchronous: the view exists now and listens
        events.send(ShowCertificate.TOPIC, new ShowCertificate(certificate.kind(), certificate.key()));
        return true;
    }
}
