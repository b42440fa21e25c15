package org.certbench.app.internal.layout;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.certbench.app.internal.Messages;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.ui.layout.LayoutMemory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Keeps the main window's bounds, whether it is maximized, and the view selected in each of its part stacks between
 * runs, in CertBench's {@link LayoutMemory} (the e4 model itself is not kept: it would keep a removed plug-in's view
 * alive). Applied to the model before the window is drawn; kept when the window closes, when the memory is written
 * with the tables' layouts. A kept view that no longer exists, or bounds off every screen, are ignored.
 * <p>
 * The file is read on a thread of its own from the start of the model's assembly ({@link LayoutReadStart}), and
 * written on another when the window closes, which the workbench's end waits for ({@link #SAVE_WAIT_SECONDS} at
 * most). A save that fails is said: a system message (the bell shows it at the next start) and the log.
 */
public final class KeptLayout {

    static final String WINDOW_ID = "org.certbench.app.window.main"; //$NON-NLS-1$
    static final String BOUNDS = "window.bounds"; //$NON-NLS-1$
    static final String MAXIMIZED = "window.maximized"; //$NON-NLS-1$
    static final String SELECTED = "view.selected."; //$NON-NLS-1$
    /** How long the workbench's end waits for the layout's file to be written. */
    static final int SAVE_WAIT_SECONDS = 10;

    private final LayoutMemory memory;
    private final EModelService models;
    private final MApplication application;
    /** The bounds while neither maximized nor minimized: what a maximized window returns to. */
    private Rectangle normalBounds;
    /** The last save started, done or not. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    @Inject
    public KeptLayout(EModelService models, MApplication application) {
        this(LayoutMemory.shared(), models, application);
    }

    KeptLayout(LayoutMemory memory, EModelService models, MApplication application) {
        this.memory = memory;
        this.models = models;
        this.application = application;
    }

    @PostConstruct
    void applyAtStart() {
        window().ifPresent(this::apply);
    }

    /** Once the window exists: follows its bounds, and keeps the layout when it closes. */
    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        window().map(MWindow::getWidget).filter(Shell.class::isInstance).map(Shell.class::cast).ifPresent(shell -> {
            follow(shell);
            // the window's Dispose comes before its views': they have kept their tables' changes already
            shell.addListener(SWT.Dispose, closed -> keep(shell));
        });
    }

    /** Applies what is kept to {@code window}: its bounds, maximized, the selected views. */
    void apply(MWindow window) {
        keptBounds().flatMap(bounds -> WindowBounds.usable(bounds, screens())).ifPresent(bounds -> {
            window.setX(bounds.x);
            window.setY(bounds.y);
            window.setWidth(bounds.width);
            window.setHeight(bounds.height);
            if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
                shell.setBounds(bounds);
            }
        });
        boolean maximized = memory.get(MAXIMIZED).map(Boolean::parseBoolean).orElse(false);
        if (maximized) {
            window.getTags().add(IPresentationEngine.WINDOW_MAXIMIZED_TAG);
        }
        if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
            shell.setMaximized(maximized);
        }
        for (MPartStack stack : models.findElements(window, null, MPartStack.class)) {
            if (ViewOrder.MAIN_STACK.equals(stack.getElementId()) && stack.getWidget() == null) {
                ViewOrder.apply(stack);
            }
            memory.get(SELECTED + stack.getElementId()).map(id -> models.find(id, stack))
                    .filter(MPart.class::isInstance).map(MPart.class::cast)
                    .filter(part -> stack.equals(part.getParent()) && part.isToBeRendered())
                    .ifPresent(stack::setSelectedElement);
        }
    }

    /**
     * Keeps the layout of {@code shell}'s window and writes the memory on a thread of its own.
     *
     * @return the write, done once the file is written or its failure said
     */
    CompletableFuture<Void> keep(Shell shell) {
        if (normalBounds != null) {
            Rectangle b = normalBounds;
            memory.put(BOUNDS, b.x + "," + b.y + "," + b.width + "," + b.height); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
        memory.put(MAXIMIZED, Boolean.toString(shell.getMaximized()));
        window().ifPresent(window -> {
            for (MPartStack stack : models.findElements(window, null, MPartStack.class)) {
                MUIElement selected = stack.getSelectedElement();
                if (stack.getElementId() != null && selected instanceof MPart && selected.getElementId() != null) {
                    memory.put(SELECTED + stack.getElementId(), selected.getElementId());
                }
            }
        });
        CompletableFuture<Void> save = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                memory.save();
            } catch (IOException | RuntimeException e) {
                tellSaveFailed(e);
            } finally {
                save.complete(null);
            }
        }, "CertBench layout writer"); //$NON-NLS-1$
        writer.start();
        saving = save;
        return save;
    }

    /** The workbench ends: the layout's file is written before the framework stops. */
    @PreDestroy
    void awaitSave() {
        try {
            saving.get(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a disk that hangs: the workbench ends all the same, the next start has the layout it finds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Says in words that the layout was not kept: as a system message, and in the log. */
    private void tellSaveFailed(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String text = NLS.bind(Messages.Layout_saveFailed, memory.file(), reason);
        Platform.getLog(KeptLayout.class).log(Status.warning(text, e));
        BundleContext context = FrameworkUtil.getBundle(KeptLayout.class).getBundleContext();
        ServiceReference<SystemMessages> reference = context == null ? null
                : context.getServiceReference(SystemMessages.class);
        SystemMessages messages = reference == null ? null : context.getService(reference);
        if (messages != null) {
            try {
                messages.post(Severity.WARNING, Messages.Layout_source, text, null);
            } finally {
                context.ungetService(reference);
            }
        }
    }

    private void follow(Shell shell) {
        normalBounds = shell.getMaximized() ? null : shell.getBounds();
        shell.addListener(SWT.Move, event -> noteBounds(shell));
        shell.addListener(SWT.Resize, event -> noteBounds(shell));
    }

    private void noteBounds(Shell shell) {
        if (!shell.getMaximized() && !shell.getMinimized()) {
            normalBounds = shell.getBounds();
        }
    }

    private java.util.Optional<MWindow> window() {
        return java.util.Optional.ofNullable(models.find(WINDOW_ID, application)).filter(MWindow.class::isInstance)
                .map(MWindow.class::cast);
    }

    private java.util.Optional<Rectangle> keptBounds() {
        String[] parts = memory.get(BOUNDS).orElse("").split(",", -1); //$NON-NLS-1$ //$NON-NLS-2$
        if (parts.length != 4) {
            return java.util.Optional.empty();
        }
        try {
            int[] numbers = Arrays.stream(parts).mapToInt(part -> Integer.parseInt(part.strip())).toArray();
            return java.util.Optional.of(new Rectangle(numbers[0], numbers[1], numbers[2], numbers[3]));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<Rectangle> screens() {
        Display display = Display.getCurrent();
        if (display == null) {
            return List.of();
        }
        return Arrays.stream(display.getMonitors()).map(Monitor::getClientArea).toList();
    }
}
