package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Makes the main window a drop target for files: a certificate or request file dropped anywhere on it is shown as
 * File &gt; Open&hellip; shows it, nothing imported; several dropped together are shown one after another (see
 * {@link DroppedFile}). A model add-on, so
 * that it is in place once the window is shown.
 */
public final class FileDropAddon {

    /**
     * Where a drop finds the file services: looked up at the drop, not injected as fields, so that SCR does not
     * start them before the window shows.
     */
    @Inject
    private IEclipseContext context;

    @Inject
    @Optional
    void windowShown(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application) {
        for (MWindow window : application.getChildren()) {
            if (window.getWidget() instanceof Shell shell && !shell.isDisposed()
                    && shell.getData(DND.DROP_TARGET_KEY) == null) {
                accept(shell);
            }
        }
    }

    private void accept(Shell shell) {
        DropTarget target = new DropTarget(shell, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_LINK);
        target.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                // a copy: the file stays where it is and nothing is imported
                event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] paths && paths.length > 0) {
                    ContextInjectionFactory.invoke(new DroppedFile(shell, Stream.of(paths).map(Path::of).toList()),
                            Execute.class, context);
                }
            }
        });
    }
}
