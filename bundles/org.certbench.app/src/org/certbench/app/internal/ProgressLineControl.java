package org.certbench.app.internal;

import org.certbench.ui.progress.ProgressLine;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

/**
 * The window's progress line in its bottom trim (the application model's), as an e4 tool control: the Jobs of every
 * view and plug-in show there, so it belongs to the window, not to one view's bundle.
 */
public final class ProgressLineControl {

    @PostConstruct
    public void create(Composite parent) {
        new ProgressLine(parent);
    }
}
