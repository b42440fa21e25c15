package org.certbench.app.internal.layout;

import org.certbench.ui.layout.LayoutMemory;
import org.eclipse.e4.core.di.annotations.Execute;

/**
 * A model processor run before the model's fragments are assembled (plugin.xml): starts reading the kept layout on a
 * thread of its own, so the file is read while the UI thread assembles the model and creates the add-ons, and
 * {@link KeptLayout} finds it read when it applies it to the window.
 */
public final class LayoutReadStart {

    @Execute
    public void startReading() {
        LayoutMemory.shared();
    }
}
