package org.certbench.product.tests.probe;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A test's plug-in (releng/org.certbench.product.tests, WidgetProbe): where the workbench's widgets are on the screen,
 * written every 200 ms to the file named by CERTBENCH_TEST_WIDGETS, so that a test outside the process clicks a
 * view's tab or a column's header where it really is. It only reads the widgets.
 */
public final class Probe implements BundleActivator {

    private static final String WIDGET_ID = "org.certbench.widgetId";

    private volatile boolean running = true;

    @Override
    public void start(BundleContext context) {
        String file = System.getenv("CERTBENCH_TEST_WIDGETS");
        if (file == null) {
            return;
        }
        Thread thread = new Thread(() -> watch(Path.of(file)), "widget probe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop(BundleContext context) {
        running = false;
    }

    private void watch(Path file) {
        while (running) {
            Display display = display();
            if (display != null && !display.isDisposed()) {
                try {
                    display.asyncExec(() -> write(display, file));
                } catch (RuntimeException disposed) {
                    return;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Display display() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Display display = Display.findDisplay(thread);
            if (display != null) {
                return display;
            }
        }
        return null;
    }

    private static void write(Display display, Path file) {
        Properties where = new Properties();
        for (Shell shell : display.getShells()) {
            if (shell.isDisposed() || !shell.isVisible() || !"CertBench".equals(shell.getText())) {
                continue;
            }
            // the client area, below the menu bar: SWT's bounds of a shell add a guess at decorations that no window
            // manager draws under Xvfb
            Rectangle area = shell.getClientArea();
            Point client = shell.toDisplay(area.x, area.y);
            where.setProperty("client", text(new Rectangle(client.x, client.y, area.width, area.height)));
            // the menu bar lies between the window's top and its client area; SWT tells no menu item's bounds
            Point top = shell.toDisplay(0, 0);
            Rectangle bounds = shell.getBounds();
            where.setProperty("menubar", text(new Rectangle(top.x, bounds.y, area.width, client.y - bounds.y)));
            visit(shell, where);
        }
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                where.store(out, null);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the next turn tries again
        }
    }

    private static void visit(Control control, Properties where) {
        if (control.isDisposed() || !control.isVisible()) {
            return;
        }
        if (control instanceof CTabFolder folder) {
            for (CTabItem item : folder.getItems()) {
                Rectangle bounds = item.getBounds();
                String id = elementId(item.getData("modelElement"));
                if (item.isShowing() && id != null) {
                    Point corner = folder.toDisplay(bounds.x, bounds.y);
                    where.setProperty("tab." + id,
                            text(new Rectangle(corner.x, corner.y, bounds.width, bounds.height)));
                }
            }
        }
        if (control instanceof Table table && table.getData(WIDGET_ID) instanceof String id
                && table.getHeaderVisible()) {
            Point corner = table.getParent().toDisplay(table.getLocation());
            int border = table.getBorderWidth();
            int scrolled = table.getHorizontalBar() == null ? 0 : table.getHorizontalBar().getSelection();
            int left = 0;
            for (int index : table.getColumnOrder()) {
                int width = table.getColumn(index).getWidth();
                where.setProperty("header." + id + "." + index, text(new Rectangle(corner.x + border + left - scrolled,
                        corner.y + border, width, table.getHeaderHeight())));
                left += width;
            }
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                visit(child, where);
            }
        }
    }

    /** The element id of an e4 model element, read without a dependency on e4. */
    private static String elementId(Object element) {
        if (element == null) {
            return null;
        }
        try {
            return (String) element.getClass().getMethod("getElementId").invoke(element);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    private static String text(Rectangle bounds) {
        return bounds.x + "," + bounds.y + "," + bounds.width + "," + bounds.height;
    }
}
