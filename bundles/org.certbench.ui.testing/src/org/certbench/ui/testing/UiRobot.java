package org.certbench.ui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/**
 * A small robot for real SWT widgets. Tests run on their own thread (Tycho's {@code useUIThread=false}),
 * not the UI thread, so that a modal dialog's event loop cannot block them: every read and action is
 * marshalled onto the UI thread, and waits poll from the test thread.
 */
public final class UiRobot {

    /** The {@code setData} key under which production code gives a widget its test id. */
    public static final String ID = org.certbench.core.WidgetIds.KEY;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final Display display;
    /** When the last mouse click was made (System.nanoTime()), whichever robot made it; 0 before the first. */
    private static volatile long lastClick;

    public UiRobot(Display display) {
        this.display = display;
    }

    /** The workbench's display, waiting for it to exist. */
    public static UiRobot onWorkbenchDisplay() {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        Display display = Display.findDisplay(uiThread());
        while (display == null && System.nanoTime() < deadline) {
            pause();
            display = Display.findDisplay(uiThread());
        }
        if (display == null) {
            throw new AssertionError("no SWT display: the workbench did not start");
        }
        return new UiRobot(display);
    }

    public Display display() {
        return display;
    }

    /** Runs {@code read} on the UI thread and returns what it returns (exceptions are rethrown here). */
    public <T> T onUi(Supplier<T> read) {
        if (Thread.currentThread() == display.getThread()) {
            return read.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Error> error = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(read.get());
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Error e) {
                error.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    public void runOnUi(Runnable action) {
        onUi(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code condition} (evaluated on the UI thread) until it holds; fails naming {@code what}. */
    public void waitUntil(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause();
        }
    }

    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, DEFAULT_TIMEOUT);
    }

    public Optional<Shell> findShell(String title) {
        return onUi(() -> Arrays.stream(display.getShells())
                .filter(shell -> !shell.isDisposed() && shell.isVisible() && title.equals(shell.getText()))
                .findFirst());
    }

    public Shell waitForShell(String title) {
        waitUntil("a window titled '" + title + "'", () -> findShell(title).isPresent());
        return findShell(title).orElseThrow();
    }

    public <T extends Widget> List<T> findAll(Control root, Class<T> type, Predicate<? super T> match) {
        return onUi(() -> {
            List<T> found = new ArrayList<>();
            collect(root, type, match, found);
            return found;
        });
    }

    public <T extends Widget> Optional<T> find(Control root, Class<T> type, Predicate<? super T> match) {
        return findAll(root, type, match).stream().findFirst();
    }

    /** The control marked with {@code setData(UiRobot.ID, id)}, waiting for it to appear. */
    public <T extends Control> T byId(Control root, Class<T> type, String id) {
        Predicate<T> hasId = control -> id.equals(control.getData(ID));
        waitUntil(type.getSimpleName() + " '" + id + "'", () -> find(root, type, hasId).isPresent());
        return find(root, type, hasId).orElseThrow();
    }

    /** The button whose label, mnemonics removed, is {@code label}. */
    public Button button(Control root, String label) {
        Predicate<Button> labelled = button -> label.equals(withoutMnemonic(button.getText()));
        waitUntil("a button '" + label + "'", () -> find(root, Button.class, labelled).isPresent());
        return find(root, Button.class, labelled).orElseThrow();
    }

    /**
     * Clicks as a user does: from the event loop, returning once the click has been handled or has
     * opened a modal dialog.
     */
    public void click(Button button) {
        runOnUi(() -> {
            if (!button.isEnabled()) {
                throw new AssertionError("button '" + withoutMnemonic(button.getText()) + "' is disabled");
            }
        });
        display.asyncExec(() -> {
            if ((button.getStyle() & SWT.RADIO) != 0) {
                // as a real click does: the other radio buttons of the group are deselected, and told so
                for (Control sibling : button.getParent().getChildren()) {
                    if (sibling != button && sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0
                            && other.getSelection()) {
                        other.setSelection(false);
                        other.notifyListeners(SWT.Selection, new Event());
                    }
                }
                button.setSelection(true);
            } else if ((button.getStyle() & (SWT.CHECK | SWT.TOGGLE)) != 0) {
                button.setSelection(!button.getSelection());
            }
            button.notifyListeners(SWT.Selection, new Event());
        });
        settle();
    }

    /**
     * Clicks the button labelled {@code label} in the window titled {@code title}, waiting for the window and the
     * button first: a user answering a dialog.
     */
    public void clickButtonIn(String title, String label) {
        click(button(waitForShell(title), label));
    }

    /** Selects a menu bar item by its path, e.g. {@code "Help", "About CertBench"}. */
    public void selectMenu(Shell shell, String... path) {
        MenuItem item = onUi(() -> menuItem(shell.getMenuBar(), path));
        display.asyncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
        settle();
    }

    /** The labels (without mnemonics and keys) of the items of the menu bar's submenu at {@code path}, as it shows. */
    public List<String> menuItems(Shell shell, String... path) {
        return onUi(() -> {
            Menu menu = menuItem(shell.getMenuBar(), path).getMenu();
            if (menu == null) {
                throw new AssertionError("no menu below '" + String.join(" > ", path) + "'");
            }
            // e4 fills menus, and runs their dynamic contributions, when they are about to show, and takes the
            // dynamic items away again when they hide: read as a user sees them, then closed as a user closes them
            menu.notifyListeners(SWT.Show, new Event());
            List<String> labels = Arrays.stream(menu.getItems())
                    .filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                    .map(item -> withoutMnemonic(item.getText()).split("\t")[0]).toList();
            menu.notifyListeners(SWT.Hide, new Event());
            return labels;
        });
    }

    /**
     * Presses a key in {@code control} (focused first) as SWT delivers one: a traversal key (Tab, arrows, Enter,
     * Escape, Page Up/Down) first as a {@code Traverse} event that traverses unless a listener says {@code doit =
     * false}; otherwise, or then, a {@code KeyDown}. Returns once it has been handled.
     */
    public void key(Control control, int keyCode) {
        runOnUi(() -> {
            control.setFocus();
            int detail = traversal(keyCode);
            Event down = keyEvent(keyCode);
            if (detail != SWT.TRAVERSE_NONE) {
                Event traverse = keyEvent(keyCode);
                traverse.detail = detail;
                // what SWT assumes when no listener decides: the key traverses
                traverse.doit = true;
                control.notifyListeners(SWT.Traverse, traverse);
                if (traverse.doit) {
                    control.traverse(traverse.detail);
                    return;
                }
            }
            control.notifyListeners(SWT.KeyDown, down);
        });
        settle();
    }

    private static Event keyEvent(int keyCode) {
        Event event = new Event();
        event.keyCode = keyCode;
        event.character = switch (keyCode) {
        case SWT.CR, SWT.KEYPAD_CR -> SWT.CR;
        case SWT.ESC -> SWT.ESC;
        case SWT.TAB -> SWT.TAB;
        default -> '\0';
        };
        return event;
    }

    private static int traversal(int keyCode) {
        return switch (keyCode) {
        case SWT.TAB -> SWT.TRAVERSE_TAB_NEXT;
        case SWT.ARROW_LEFT, SWT.ARROW_UP -> SWT.TRAVERSE_ARROW_PREVIOUS;
        case SWT.ARROW_RIGHT, SWT.ARROW_DOWN -> SWT.TRAVERSE_ARROW_NEXT;
        case SWT.CR, SWT.KEYPAD_CR -> SWT.TRAVERSE_RETURN;
        case SWT.ESC -> SWT.TRAVERSE_ESCAPE;
        case SWT.PAGE_UP -> SWT.TRAVERSE_PAGE_PREVIOUS;
        case SWT.PAGE_DOWN -> SWT.TRAVERSE_PAGE_NEXT;
        default -> SWT.TRAVERSE_NONE;
        };
    }

    public void type(Text text, String value) {
        runOnUi(() -> {
            text.setFocus();
            text.setText(value);
            text.notifyListeners(SWT.Modify, new Event());
        });
    }

    public void select(Combo combo, String item) {
        runOnUi(() -> {
            int index = Arrays.asList(combo.getItems()).indexOf(item);
            if (index < 0) {
                throw new AssertionError("'" + item + "' is not among " + Arrays.toString(combo.getItems()));
            }
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Selects rows as a user's click does, firing the selection event the UI listens to. */
    public void selectRows(Table table, int... indices) {
        runOnUi(() -> {
            table.setSelection(indices);
            Event event = new Event();
            if (indices.length > 0) {
                event.item = table.getItem(indices[0]);
            }
            table.notifyListeners(SWT.Selection, event);
        });
    }

    /** The index of the first row whose cell in {@code column} equals {@code text}, or -1. */
    public int rowIndex(Table table, int column, String text) {
        List<List<String>> rows = rows(table);
        for (int i = 0; i < rows.size(); i++) {
            if (text.equals(rows.get(i).get(column))) {
                return i;
            }
        }
        return -1;
    }

    /** The text of every cell; items of a virtual table are materialised as they are read. */
    public List<List<String>> rows(Table table) {
        return onUi(() -> {
            List<List<String>> rows = new ArrayList<>();
            int columns = Math.max(1, table.getColumnCount());
            for (int i = 0; i < table.getItemCount(); i++) {
                TableItem item = table.getItem(i);
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(item.getText(c));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    /** Every text a user reads below {@code root}: labels, links, text fields, buttons. */
    public List<String> texts(Control root) {
        return onUi(() -> {
            List<String> texts = new ArrayList<>();
            for (Control control : findAll(root, Control.class, c -> true)) {
                if (control instanceof Label label) {
                    texts.add(label.getText());
                } else if (control instanceof Link link) {
                    texts.add(link.getText());
                } else if (control instanceof Text text) {
                    texts.add(text.getText());
                } else if (control instanceof Button button) {
                    texts.add(withoutMnemonic(button.getText()));
                } else if (control instanceof org.eclipse.swt.custom.CLabel label) {
                    texts.add(label.getText());
                } else if (control instanceof org.eclipse.swt.custom.StyledText styled) {
                    texts.add(styled.getText());
                }
            }
            return texts;
        });
    }

    /** Waits until no job runs or waits (the UI's background work is done). */
    public void waitForJobs(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Job.getJobManager().isIdle()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background jobs still running after " + timeout.toSeconds() + " s");
            }
            pause();
        }
        settle();
    }

    /**
     * Saves what {@code shell} shows on the screen as a PNG, once it has painted what its widgets hold now: a change
     * (a label's new text) reaches the screen in a later turn of the event loop, and {@code Control.update()} does not
     * wait for it under GTK 3, so a copy taken at once may show the window as it was before.
     */
    public Path screenshot(Shell shell, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        awaitPainted(shell);
        runOnUi(() -> {
            Rectangle bounds = drawn(shell);
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] { image.getImageData() };
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        return file;
    }

    /**
     * Where {@code shell} draws on the screen: from its top (its menu bar, if any) to its client area's end. Its bounds
     * add a guess at the decorations a window manager would draw, which under Xvfb nobody draws: copied, they were a
     * black strip.
     */
    private Rectangle drawn(Shell shell) {
        Rectangle area = shell.getClientArea();
        Point client = shell.toDisplay(area.x, area.y);
        int top = Math.min(shell.getBounds().y, client.y);
        return new Rectangle(client.x, top, area.width, client.y + area.height - top).intersection(display.getBounds());
    }

    /**
     * Has {@code shell} drawn again, whole, and waits until it has: SWT reports a Paint of a native widget only while
     * someone listens, so a filter listens meanwhile. A window that does not paint (hidden, or covered) is copied as
     * it is after a while: the screenshot is for a person, who sees what is wrong.
     */
    private void awaitPainted(Shell shell) {
        AtomicBoolean painted = new AtomicBoolean();
        Listener paint = event -> {
            if (event.widget instanceof Control control && !control.isDisposed() && control.getShell() == shell) {
                painted.set(true);
            }
        };
        runOnUi(() -> {
            display.addFilter(SWT.Paint, paint);
            Rectangle area = shell.getClientArea();
            shell.redraw(area.x, area.y, area.width, area.height, true);
        });
        try {
            waitUntil("the window '" + onUi(shell::getText) + "' painted", painted::get, Duration.ofSeconds(5));
        } catch (AssertionError notPainted) {
            // copied as it is
        } finally {
            runOnUi(() -> display.removeFilter(SWT.Paint, paint));
        }
        // the paint ends in the event loop's turn that began it; the copy is taken in a later one
        settle();
    }

    /**
     * Clicks {@code control} in its middle with the mouse, as a user does: the pointer moved there and button 1
     * pressed and released by the X server (xdotool, on the display of {@code DISPLAY}), so the window system decides
     * what is under the pointer and the control reacts as to a person's click (a button's Selection). Returns once
     * the release has reached the control and been handled, or has opened a modal dialog; fails if the control is
     * hidden or disabled, or if the click reached something else (a window over it).
     */
    public void clickWithMouse(Control control) {
        clickAt(onUi(control::getShell), () -> {
            if (!control.isVisible() || !control.isEnabled()) {
                throw new AssertionError(control + " cannot be clicked: it is "
                        + (control.isVisible() ? "disabled" : "hidden"));
            }
            Point size = control.getSize();
            return control.toDisplay(size.x / 2, size.y / 2);
        }, control, SWT.MouseUp);
    }

    /**
     * Clicks the tool item {@code item} in its middle with the mouse (see {@link #clickWithMouse(Control)}); returns
     * once it has told its listeners. Fails if it is disabled or its toolbar does not show.
     */
    public void clickWithMouse(ToolItem item) {
        clickAt(onUi(() -> item.getParent().getShell()), () -> {
            ToolBar bar = item.getParent();
            if (!bar.isVisible() || !item.isEnabled()) {
                throw new AssertionError("tool item '" + item.getToolTipText() + "' cannot be clicked: "
                        + (bar.isVisible() ? "it is disabled" : "its toolbar is hidden"));
            }
            Rectangle bounds = item.getBounds();
            return bar.toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        }, item, SWT.Selection);
    }

    /**
     * Clicks the header of {@code table}'s column {@code column} with the mouse (see {@link #clickWithMouse(Control)}),
     * where it shows now: after the columns before it in the order the user sees, less what the table is scrolled
     * sideways. Returns once the column has told its listeners (sorting, as a rule).
     */
    public void clickColumnHeader(Table table, int column) {
        TableColumn header = onUi(() -> table.getColumn(column));
        clickAt(onUi(table::getShell), () -> {
            if (!table.isVisible() || table.getHeaderHeight() == 0) {
                throw new AssertionError("the header of " + table + " does not show");
            }
            int left = 0;
            for (int index : table.getColumnOrder()) {
                if (index == column) {
                    break;
                }
                left += table.getColumn(index).getWidth();
            }
            int scrolled = table.getHorizontalBar() == null ? 0 : table.getHorizontalBar().getSelection();
            Point corner = table.getParent().toDisplay(table.getLocation());
            int border = table.getBorderWidth();
            return new Point(corner.x + border + left + header.getWidth() / 2 - scrolled,
                    corner.y + border + table.getHeaderHeight() / 2);
        }, header, SWT.Selection);
    }

    /**
     * Clicks at the point {@code onScreen} gives (display coordinates, read on the UI thread once {@code shell} has
     * painted: the widgets are then where GTK has put them, after a change of size or a view brought to the front),
     * and waits until {@code target} has had the event {@code heard} and it has been handled (or has opened a modal
     * dialog). The pointer goes back where it was: without a window manager the keyboard follows the pointer, and
     * the tests' dialogs open under it, in the middle of the screen.
     */
    private void clickAt(Shell shell, Supplier<Point> onScreen, Widget target, int heard) {
        awaitPainted(shell);
        Point at = onUi(onScreen);
        awaitDoubleClickTime();
        AtomicBoolean reached = new AtomicBoolean();
        // a filter hears the event before the widget's listeners, which may open a modal dialog
        Listener filter = event -> reached.compareAndSet(false, event.widget == target);
        runOnUi(() -> display.addFilter(heard, filter));
        try {
            xdotool("mousemove", Integer.toString(at.x), Integer.toString(at.y), "click", "1", "mousemove",
                    "restore");
            lastClick = System.nanoTime();
            waitUntil("the mouse click at " + at.x + "," + at.y + " to reach " + target
                    + " (is another window over it?)", reached::get, Duration.ofSeconds(10));
        } finally {
            runOnUi(() -> display.removeFilter(heard, filter));
        }
        settle();
    }

    /** The text on the clipboard, as a paste would give it; empty if there is none. */
    public String clipboardText() {
        return onUi(() -> {
            Clipboard clipboard = new Clipboard(display);
            try {
                Object text = clipboard.getContents(TextTransfer.getInstance());
                return text == null ? "" : (String) text;
            } finally {
                clipboard.dispose();
            }
        });
    }

    /**
     * Puts a single space on the clipboard (an empty text cannot be put there), so that what a copy puts there next is
     * told from what another copy left.
     */
    public void clearClipboard() {
        runOnUi(() -> {
            Clipboard clipboard = new Clipboard(display);
            try {
                clipboard.setContents(new Object[] { " " }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        });
    }

    /**
     * Lets the platform's double-click time pass since the last click: two clicks in it are a double click to GTK
     * (a column header's second click, which turns the sort round, would not be a click at all), and a user who
     * clicks twice to sort the other way makes two clicks.
     */
    private void awaitDoubleClickTime() {
        long since = System.nanoTime() - lastClick;
        long doubleClick = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(onUi(display::getDoubleClickTime) + 100);
        if (lastClick != 0 && since < doubleClick) {
            java.util.concurrent.locks.LockSupport.parkNanos(doubleClick - since);
        }
    }

    private static void xdotool(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/xdotool"));
        command.addAll(List.of(arguments));
        try {
            Process xdotool = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!xdotool.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                xdotool.destroyForcibly();
                throw new AssertionError(command + " did not end within 10 s");
            }
            String output = new String(xdotool.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (xdotool.exitValue() != 0) {
                throw new AssertionError(command + " failed (exit " + xdotool.exitValue() + ", DISPLAY="
                        + System.getenv("DISPLAY") + "): " + output);
            }
        } catch (IOException e) {
            throw new AssertionError("xdotool could not be started (the mouse clicks of UI tests need it): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while clicking", e);
        }
    }

    /** Returns once everything posted to the event loop so far has run (a modal loop runs it too). */
    public void settle() {
        display.syncExec(() -> { });
    }

    static String withoutMnemonic(String text) {
        return text == null ? "" : text.replace("&&", "\u0000").replace("&", "").replace("\u0000", "&");
    }

    private static MenuItem menuItem(Menu menu, String... path) {
        Menu current = menu;
        MenuItem found = null;
        for (String step : path) {
            if (current == null) {
                throw new AssertionError("no menu below '" + withoutMnemonic(found.getText()) + "'");
            }
            // e4 fills menus when they are about to show
            current.notifyListeners(SWT.Show, new Event());
            found = Arrays.stream(current.getItems())
                    .filter(item -> step.equals(withoutMnemonic(item.getText()).split("\t")[0]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no menu item '" + step + "'"));
            current = found.getMenu();
        }
        return found;
    }

    private static <T extends Widget> void collect(Control control, Class<T> type, Predicate<? super T> match,
            List<T> found) {
        if (control.isDisposed()) {
            return;
        }
        if (type.isInstance(control) && match.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, match, found);
            }
        }
    }

    private static Thread uiThread() {
        // SWT's display thread in the workbench is the thread the application was started on: main
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> "main".equals(thread.getName()))
                .findFirst()
                .orElse(Thread.currentThread());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
