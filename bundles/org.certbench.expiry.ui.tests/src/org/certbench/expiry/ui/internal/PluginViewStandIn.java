package org.certbench.expiry.ui.internal;

import org.certbench.core.WidgetIds;
import org.certbench.ui.ShowCertificate;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A plug-in's view as a model fragment contributes one, tagged for its expiry kind: it says which certificate it
 * was asked to show, as a plug-in's view would select it.
 */
public final class PluginViewStandIn {

    static final String ASKED_ID = "plugin.asked";

    private Label asked;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        asked = new Label(parent, SWT.NONE);
        asked.setData(WidgetIds.KEY, ASKED_ID);
        asked.setText("nothing asked");
    }

    @Inject
    @Optional
    public void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (asked != null && !asked.isDisposed()) {
            asked.setText(request.kind() + " " + request.key());
        }
    }
}
