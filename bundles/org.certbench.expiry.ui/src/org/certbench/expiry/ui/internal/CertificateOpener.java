package org.certbench.expiry.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.certbench.ui.ShowCertificate;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.osgi.util.NLS;

import jakarta.inject.Inject;

/**
 * Opens a certificate of the Expiry view in its own view: shows that view (creating it if need be), then asks it
 * by a {@link ShowCertificate} event to select the certificate. A plug-in's kind opens the view its plug-in marks
 * with the tag {@value #KIND_TAG}{@code <kind>} in its model fragment (a part or a part descriptor): the plug-in's
 * bundles (service and view are often two) need not know each other's names, and the expiry API stays as it is.
 * When nothing can be opened, the reason is returned in words.
 */
@Creatable
public final class CertificateOpener {

    /** The tag by which a plug-in's view says it shows the certificates of an expiry kind, followed by the kind. */
    static final String KIND_TAG = "certbench.expiryKind:"; //$NON-NLS-1$

    /** The view of each built-in kind. */
    static final Map<String, String> VIEWS = Map.of(KindNames.CA, "org.certbench.truststore.ui.part.certificates", //$NON-NLS-1$
            KindNames.HOST, "org.certbench.host.ui.part.hosts", //$NON-NLS-1$
            KindNames.AGENT, "org.certbench.agents.ui.part.agents"); //$NON-NLS-1$

    private final EPartService parts;
    private final IEventBroker events;
    private final MApplication application;
    private final EModelService model;

    @Inject
    public CertificateOpener(EPartService parts, IEventBroker events, MApplication application, EModelService model) {
        this.parts = parts;
        this.events = events;
        this.application = application;
        this.model = model;
    }

    /** {@return why nothing was opened, in words; empty when the certificate's view was shown} */
    Optional<String> open(String kind, String key, String name) {
        String view = VIEWS.containsKey(kind) ? VIEWS.get(kind) : pluginView(kind);
        if (view == null) {
            return Optional.of(NLS.bind(Messages.Open_noPluginView, name, kind));
        }
        if (parts.showPart(view, PartState.ACTIVATE) == null) {
            return Optional.of(NLS.bind(Messages.Open_failed, name, KindNames.of(kind)));
        }
        // synchronous: the view exists now and listens
        events.send(ShowCertificate.TOPIC, new ShowCertificate(kind, key));
        return Optional.empty();
    }

    /** The id of the first part or part descriptor tagged for {@code kind}, or {@code null}. */
    private String pluginView(String kind) {
        List<String> tag = List.of(KIND_TAG + kind);
        Stream<MApplicationElement> descriptors = application.getDescriptors().stream()
                .filter(descriptor -> descriptor.getTags().containsAll(tag)).map(MApplicationElement.class::cast);
        Stream<MApplicationElement> placed = model.findElements(application, null, MPart.class, tag).stream()
                .map(MApplicationElement.class::cast);
        return Stream.concat(placed, descriptors).map(MApplicationElement::getElementId).findFirst().orElse(null);
    }
}
