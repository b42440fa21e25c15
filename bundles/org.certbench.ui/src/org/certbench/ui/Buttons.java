package org.certbench.ui;

import org.certbench.core.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Push buttons named for UI tests ({@link WidgetIds#KEY}). */
public final class Buttons {

    private Buttons() {
    }

    /** {@return a push button with this label and widget id, running {@code action} on the UI thread when pressed} */
    public static Button push(Composite parent, String label, String id, Runnable action) {
        Button button = push(parent, label, id);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** A button whose action is added later, e.g. once the fields it reads exist. */
    public static Button push(Composite parent, String label, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetIds.KEY, id);
        return button;
    }
}
