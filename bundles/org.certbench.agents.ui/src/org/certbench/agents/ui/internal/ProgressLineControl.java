package org.certbench.agents.ui.internal;

import org.certbench.ui.progress.ProgressLine;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

/** The window's progress line in the bottom trim, as an e4 tool control (contributed by this bundle's fragment). */
public final class ProgressLineControl {

    @PostConstruct
    public void create(Composite parent) {
        new ProgressLine(parent);
    }
}
