package org.certbench.app.internal.messages;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.messages.SystemMessages;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The bell in the window's trim: the number of unread system messages; a click opens them. */
public final class BellControl {

    public static final String BELL_ID = "messages.bell"; //$NON-NLS-1$

    @Inject
    @Service
    private SystemMessages messages;

    @Inject
    private MessagesPartOpener opener;

    private Button bell;
    private Image image;

    @PostConstruct
    public void create(Composite parent) {
        // the control stretches over the trim bar; the bell sits at its right end, where notices are expected
        GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 0).applyTo(parent);
        GridDataFactory.fillDefaults().grab(true, false).hint(0, 0).applyTo(new Label(parent, SWT.NONE));
        bell = new Button(parent, SWT.PUSH | SWT.FLAT);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).applyTo(bell);
        bell.setData(WidgetIds.KEY, BELL_ID);
        image = ResourceLocator.imageDescriptorFromBundle(BellControl.class, "icons/bell.svg") //$NON-NLS-1$
                .map(descriptor -> descriptor.createImage(false))
                .orElse(null);
        bell.setImage(image);
        bell.addListener(SWT.Selection, event -> opener.open());
        show(messages.unreadCount());
    }

    @Inject
    @Optional
    void unreadChanged(@UIEventTopic(SystemMessages.TOPIC_CHANGED) Event event) {
        if (bell != null && !bell.isDisposed() && event.getProperty(SystemMessages.PROPERTY_UNREAD) instanceof Integer unread) {
            show(unread);
        }
    }

    private void show(int unread) {
        bell.setText(unread == 0 ? "" : Integer.toString(unread)); //$NON-NLS-1$
        bell.setToolTipText(unread == 0 ? Messages.Bell_noUnread : NLS.bind(Messages.Bell_unread, unread));
        bell.requestLayout();
    }

    @PreDestroy
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
    }
}
