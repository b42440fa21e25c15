package org.certbench.expiry.ui.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.certbench.core.WidgetIds;
import org.certbench.expiry.Urgency;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.Accessible;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleControlAdapter;
import org.eclipse.swt.accessibility.AccessibleControlEvent;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The picture above the Expiry table: certificates expiring per week over the coming year, stacked by kind, the
 * expired ones in a bar left of today, today and the warning thresholds marked, a legend on top. A click on a bar
 * selects that week (the table shows only it); a click on the selected bar, or beside the bars, selects none.
 * Drawn with GC on a Canvas: the picture is a few rectangles and lines, and a click must map to a week.
 * <p>
 * By keyboard (Tab reaches it between the filter and the table; a focus frame shows it has the focus): Left and Right
 * select the previous or next week that has certificates, Home and End the first and last; Up and Down move through
 * the rows the table shows; Enter opens the selected row's certificate in its view; Escape selects no week and leaves
 * for the table. Screen readers get its name, the keys as help, and the selected week's counts as description.
 */
final class Timeline {

    static final String ID = "expiry.timeline"; //$NON-NLS-1$
    private static final int PAD = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Canvas canvas;
    private final ExpiryColors colors;
    private final Consumer<Integer> selected;
    private final Keys keys;
    private Weeks weeks;
    private SortedSet<Integer> thresholds = new TreeSet<>();
    /** The selected bar, or {@code null}. */
    private Integer selection;
    private Integer hovered;

    /** What the keys do beyond choosing a bar: on the table's rows. */
    interface Keys {

        /** Moves the table's selected row by {@code rows}; with none selected, selects the first. */
        void step(int rows);

        /** Opens the certificate of the table's selected row. */
        void open();

        /** Leaves the timeline for the table. */
        void leave();
    }

    /**
     * @param selected told the bar chosen by a click or a key ({@link Weeks#EXPIRED}, a week 0..51) or {@code null}
     * @param keys     what Up, Down, Enter and Escape do
     */
    Timeline(Composite parent, ExpiryColors colors, Consumer<Integer> selected, Keys keys) {
        this.colors = colors;
        this.selected = selected;
        this.keys = keys;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(WidgetIds.KEY, ID);
        // UI tests find the picture's bars through it
        canvas.setData(Timeline.class.getName(), this);
        canvas.addListener(SWT.Paint, event -> paint(event.gc));
        canvas.addListener(SWT.Resize, event -> canvas.redraw());
        canvas.addListener(SWT.MouseDown, this::clicked);
        canvas.addListener(SWT.MouseMove, this::hover);
        canvas.addListener(SWT.Traverse, Timeline::traverse);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.FocusIn, event -> canvas.redraw());
        canvas.addListener(SWT.FocusOut, event -> canvas.redraw());
        describeForScreenReaders(canvas.getAccessible());
    }

    /** Tab leaves the picture; arrows, Enter and Escape are its own keys, not a traversal. */
    private static void traverse(Event event) {
        switch (event.detail) {
        case SWT.TRAVERSE_TAB_NEXT, SWT.TRAVERSE_TAB_PREVIOUS -> event.doit = true;
        case SWT.TRAVERSE_ARROW_NEXT, SWT.TRAVERSE_ARROW_PREVIOUS, SWT.TRAVERSE_RETURN, SWT.TRAVERSE_ESCAPE,
                SWT.TRAVERSE_PAGE_NEXT, SWT.TRAVERSE_PAGE_PREVIOUS -> event.doit = false;
        default -> {
            // mnemonics and the rest as the platform does
        }
        }
    }

    private void key(Event event) {
        if (weeks == null) {
            return;
        }
        switch (event.keyCode) {
        case SWT.ARROW_LEFT -> move(-1, selection == null ? Weeks.COUNT : selection);
        case SWT.ARROW_RIGHT -> move(1, selection == null ? Weeks.EXPIRED - 1 : selection);
        case SWT.HOME -> move(1, Weeks.EXPIRED - 1);
        case SWT.END -> move(-1, Weeks.COUNT);
        case SWT.ARROW_UP -> keys.step(-1);
        case SWT.ARROW_DOWN -> keys.step(1);
        case SWT.CR, SWT.KEYPAD_CR -> keys.open();
        case SWT.ESC -> {
            select(null);
            selected.accept(null);
            announce();
            keys.leave();
        }
        default -> {
            // other keys are not the timeline's
        }
        }
    }

    /** Selects the first bar with certificates after {@code from} in {@code direction}; none there: stays. */
    private void move(int direction, int from) {
        for (int bar = from + direction; bar >= Weeks.EXPIRED && bar < Weeks.COUNT; bar += direction) {
            if (weeks.total(bar) > 0) {
                select(bar);
                selected.accept(bar);
                keys.step(0);
                announce();
                return;
            }
        }
    }

    private void announce() {
        canvas.setToolTipText(selection == null ? null : describe(selection));
        canvas.getAccessible().sendEvent(ACC.EVENT_DESCRIPTION_CHANGED, null);
        canvas.getAccessible().sendEvent(ACC.EVENT_VALUE_CHANGED, null);
    }

    private void describeForScreenReaders(Accessible accessible) {
        accessible.addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                event.result = Messages.Timeline_accessibleName;
            }

            @Override
            public void getDescription(AccessibleEvent event) {
                event.result = spoken();
            }

            @Override
            public void getHelp(AccessibleEvent event) {
                event.result = Messages.Timeline_keys;
            }
        });
        accessible.addAccessibleControlListener(new AccessibleControlAdapter() {
            @Override
            public void getRole(AccessibleControlEvent event) {
                event.detail = ACC.ROLE_GRAPHIC;
            }

            @Override
            public void getValue(AccessibleControlEvent event) {
                event.result = spoken();
            }
        });
    }

    /** What a screen reader says of the picture now: the selected week's counts, or the counts per kind. */
    String spoken() {
        if (weeks == null) {
            return Messages.Timeline_loading;
        }
        if (selection != null) {
            return describe(selection);
        }
        List<String> parts = new ArrayList<>();
        List<Integer> perKind = weeks.perKind();
        for (int kind = 0; kind < weeks.kinds().size(); kind++) {
            parts.add(NLS.bind(Messages.Timeline_kindCount, KindNames.of(weeks.kinds().get(kind)), perKind.get(kind)));
        }
        String counts = String.join(", ", parts); //$NON-NLS-1$
        return weeks.later() > 0 ? NLS.bind(Messages.Timeline_summaryLater, counts, laterText(weeks.later()))
                : NLS.bind(Messages.Timeline_summary, counts);
    }

    Canvas canvas() {
        return canvas;
    }

    /** Shows these weeks and threshold marks (days); keeps the selected week. */
    void show(Weeks shown, SortedSet<Integer> thresholdDays) {
        weeks = shown;
        thresholds = new TreeSet<>(thresholdDays);
        hovered = null;
        canvas.redraw();
    }

    /** Selects a bar, or none with {@code null}, as a click does but without telling the listener. */
    void select(Integer bar) {
        selection = bar;
        canvas.redraw();
    }

    Integer selection() {
        return selection;
    }

    /** The middle of a bar's column, where a click selects it (for tests and keyboard-free checks). */
    Point center(int bar) {
        Geometry geometry = geometry();
        return new Point(geometry.left(bar) + geometry.barWidth() / 2, geometry.bottom - 2);
    }

    private void clicked(Event event) {
        if (event.button != 1 || weeks == null) {
            return;
        }
        canvas.setFocus();
        Integer bar = geometry().barAt(event.x, event.y);
        selection = bar == null || bar.equals(selection) ? null : bar;
        canvas.redraw();
        selected.accept(selection);
        announce();
    }

    private void hover(Event event) {
        if (weeks == null) {
            return;
        }
        Integer bar = geometry().barAt(event.x, event.y);
        if (Objects.equals(bar, hovered)) {
            return;
        }
        hovered = bar;
        canvas.setToolTipText(bar == null ? null : describe(bar));
    }

    /** "Week of 2027-01-04: CA 2, agent 118" or "Expired: host 1". */
    String describe(int bar) {
        List<String> parts = new ArrayList<>();
        for (int kind = 0; kind < weeks.kinds().size(); kind++) {
            if (weeks.count(bar, kind) > 0) {
                parts.add(NLS.bind(Messages.Timeline_kindCount, KindNames.of(weeks.kinds().get(kind)),
                        weeks.count(bar, kind)));
            }
        }
        String counts = parts.isEmpty() ? Messages.Timeline_none : String.join(", ", parts); //$NON-NLS-1$
        return bar == Weeks.EXPIRED ? NLS.bind(Messages.Timeline_expiredBar, counts)
                : NLS.bind(Messages.Timeline_weekBar, day(weeks.weekStart(bar)), counts);
    }

    static String day(Instant instant) {
        return DAY.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    private Geometry geometry() {
        GC gc = new GC(canvas);
        try {
            return geometry(gc);
        } finally {
            gc.dispose();
        }
    }

    private Geometry geometry(GC gc) {
        return new Geometry(canvas.getClientArea(), gc.getFontMetrics().getHeight(),
                gc.textExtent(Integer.toString(weeks == null ? 1 : weeks.highest())).x);
    }

    /** Where things are: a legend line on top, the bars below, a line of month names under them. */
    private static final class Geometry {
        final int top;
        final int bottom;
        final int plotLeft;
        final double slot;
        final double gap;

        Geometry(Rectangle area, int lineHeight, int labelWidth) {
            top = area.y + PAD + lineHeight + PAD + lineHeight;
            bottom = area.y + area.height - PAD - lineHeight - 2;
            plotLeft = area.x + PAD + labelWidth + PAD;
            int width = Math.max(1, area.x + area.width - PAD - plotLeft);
            slot = width / (Weeks.COUNT + 1.5);
            gap = slot / 2;
        }

        int left(int bar) {
            int slotIndex = bar + 1;
            return plotLeft + (int) Math.round(slotIndex * slot + (bar == Weeks.EXPIRED ? 0 : gap));
        }

        int barWidth() {
            return Math.max(1, (int) Math.floor(slot) - 1);
        }

        int today() {
            return plotLeft + (int) Math.round(slot + gap / 2);
        }

        int daysAhead(long days) {
            return left(0) + (int) Math.round(days / 7.0 * slot);
        }

        Integer barAt(int x, int y) {
            if (y < top - PAD || y > bottom + 2) {
                return null;
            }
            for (int bar = Weeks.EXPIRED; bar < Weeks.COUNT; bar++) {
                if (x >= left(bar) && x < left(bar) + Math.max(barWidth(), 3)) {
                    return bar;
                }
            }
            return null;
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Color text = canvas.getForeground();
        gc.setForeground(text);
        if (weeks == null) {
            gc.drawText(Messages.Timeline_loading, area.x + PAD, area.y + PAD, true);
            return;
        }
        boolean dark = ExpiryColors.isDark(canvas.getBackground());
        Geometry geometry = geometry(gc);
        int line = gc.getFontMetrics().getHeight();
        drawLegend(gc, area, dark, line);
        int highest = weeks.highest();
        double perCount = (geometry.bottom - geometry.top) / (double) highest;
        gc.setForeground(text);
        gc.drawText(Integer.toString(highest), area.x + PAD, geometry.top - line / 2, true);
        gc.drawText("0", area.x + PAD, geometry.bottom - line / 2, true); //$NON-NLS-1$
        gc.setAlpha(60);
        gc.drawLine(geometry.plotLeft, geometry.top, area.x + area.width - PAD, geometry.top);
        gc.setAlpha(255);
        gc.drawLine(geometry.plotLeft, geometry.bottom, area.x + area.width - PAD, geometry.bottom);
        for (int bar = Weeks.EXPIRED; bar < Weeks.COUNT; bar++) {
            drawBar(gc, geometry, bar, perCount, dark);
        }
        drawMarks(gc, geometry, dark, line);
        drawMonths(gc, geometry, line);
        if (canvas.isFocusControl()) {
            drawFocus(gc, area, geometry);
        }
    }

    /** The platform's focus frame around the picture, and the selected bar's outline drawn twice as thick. */
    private void drawFocus(GC gc, Rectangle area, Geometry geometry) {
        gc.setForeground(canvas.getForeground());
        gc.setBackground(canvas.getBackground());
        gc.drawFocus(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
        if (selection != null) {
            gc.setLineWidth(2);
            gc.drawRectangle(geometry.left(selection) - 2, geometry.top - PAD - 1, geometry.barWidth() + 3,
                    geometry.bottom - geometry.top + PAD + 2);
            gc.setLineWidth(1);
        }
    }

    private void drawBar(GC gc, Geometry geometry, int bar, double perCount, boolean dark) {
        int x = geometry.left(bar);
        int width = geometry.barWidth();
        if (Objects.equals(bar, selection)) {
            gc.setBackground(canvas.getForeground());
            gc.setAlpha(40);
            gc.fillRectangle(x - 1, geometry.top - PAD, width + 2, geometry.bottom - geometry.top + PAD);
            gc.setAlpha(255);
        }
        int y = geometry.bottom;
        int counted = 0;
        for (int kind = 0; kind < weeks.kinds().size(); kind++) {
            int count = weeks.count(bar, kind);
            if (count == 0) {
                continue;
            }
            counted += count;
            // rounded by the running total, so that stacked pieces add up to the bar's height
            int next = geometry.bottom - (int) Math.round(counted * perCount);
            int height = Math.max(1, y - next);
            gc.setBackground(colors.kind(kind, dark));
            gc.fillRectangle(x, y - height, width, height);
            y -= height;
        }
        if (Objects.equals(bar, selection)) {
            gc.setForeground(canvas.getForeground());
            gc.setLineWidth(1);
            gc.drawRectangle(x - 1, geometry.top - PAD, width + 1, geometry.bottom - geometry.top + PAD);
        }
    }

    private void drawLegend(GC gc, Rectangle area, boolean dark, int line) {
        int x = area.x + PAD;
        int y = area.y + PAD;
        List<Integer> perKind = weeks.perKind();
        for (int kind = 0; kind < weeks.kinds().size(); kind++) {
            gc.setBackground(colors.kind(kind, dark));
            gc.fillRectangle(x, y + line / 4, line / 2 + 2, line / 2 + 2);
            x += line / 2 + 6;
            String label = NLS.bind(Messages.Timeline_kindCount, KindNames.of(weeks.kinds().get(kind)),
                    perKind.get(kind));
            gc.setForeground(canvas.getForeground());
            gc.drawText(label, x, y, true);
            x += gc.textExtent(label).x + 14;
        }
        gc.setForeground(colors.urgency(Urgency.EXPIRED, dark));
        gc.setLineWidth(2);
        gc.drawLine(x, y, x, y + line);
        gc.setLineWidth(1);
        gc.setForeground(canvas.getForeground());
        gc.drawText(Messages.Timeline_today, x + 5, y, true);
        x += gc.textExtent(Messages.Timeline_today).x + 19;
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(x, y, x, y + line);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.drawText(Messages.Timeline_thresholds, x + 5, y, true);
        x += gc.textExtent(Messages.Timeline_thresholds).x + 19;
        if (weeks.later() > 0) {
            gc.drawText(laterText(weeks.later()), x, y, true);
        }
    }

    /** The label row for a label starting at {@code x}: the first free one, else the one that ends first. */
    static int labelRow(int x, int[] lastEnd) {
        for (int row = 0; row < lastEnd.length; row++) {
            if (x > lastEnd[row]) {
                return row;
            }
        }
        return lastEnd[0] <= lastEnd[1] ? 0 : 1;
    }

    /** "1 expires later…", "3 expire later…": a choice pattern, which NLS.bind does not read. */
    static String laterText(int later) {
        return MessageFormat.format(Messages.Timeline_later, later);
    }

    private void drawMarks(GC gc, Geometry geometry, boolean dark, int line) {
        int labelY = geometry.top - PAD - line;
        gc.setForeground(canvas.getForeground());
        gc.setLineStyle(SWT.LINE_DASH);
        // thresholds a few days apart (1 and 7 days) would overlap: a label that does not fit above the plot goes on a
        // second row just inside its top, and where both are taken on the row that ends first, never left out
        int[] rowY = { labelY, geometry.top + 1 };
        int[] lastEnd = { Integer.MIN_VALUE, Integer.MIN_VALUE };
        for (int days : thresholds) {
            if (days <= 0 || days >= Weeks.COUNT * 7) {
                continue;
            }
            int x = geometry.daysAhead(days);
            gc.drawLine(x, geometry.top - PAD, x, geometry.bottom);
            String label = NLS.bind(Messages.Timeline_days, days);
            int row = labelRow(x + 2, lastEnd);
            gc.drawText(label, x + 2, rowY[row], true);
            lastEnd[row] = x + 2 + gc.textExtent(label).x + 4;
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setForeground(colors.urgency(Urgency.EXPIRED, dark));
        gc.setLineWidth(2);
        int today = geometry.today();
        gc.drawLine(today, geometry.top - PAD, today, geometry.bottom);
        gc.setLineWidth(1);
    }

    private void drawMonths(GC gc, Geometry geometry, int line) {
        gc.setForeground(canvas.getForeground());
        int y = geometry.bottom + 2;
        int lastEnd = geometry.today();
        int lastMonth = LocalDate.ofInstant(weeks.start(), ZoneOffset.UTC).getMonthValue();
        for (int bar = 0; bar < Weeks.COUNT; bar++) {
            LocalDate start = LocalDate.ofInstant(weeks.weekStart(bar), ZoneOffset.UTC);
            if (start.getMonthValue() == lastMonth) {
                continue;
            }
            lastMonth = start.getMonthValue();
            String label = start.getMonth().getDisplayName(TextStyle.SHORT, Locale.getDefault());
            if (start.getMonthValue() == 1) {
                label += " " + start.getYear(); //$NON-NLS-1$
            }
            int x = geometry.left(bar);
            if (x > lastEnd + 4) {
                gc.drawLine(x, geometry.bottom, x, geometry.bottom + 3);
                gc.drawText(label, x + 2, y, true);
                lastEnd = x + 2 + gc.textExtent(label).x;
            }
        }
    }
}
