package org.certbench.expiry.ui.internal;

import java.util.EnumMap;
import java.util.Map;

import org.certbench.expiry.Urgency;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The Expiry view's colours and urgency icons, in two sets: darker tones for a light background, lighter ones for
 * a dark theme, so that both read at a glance (the kinds' colours are the Okabe–Ito palette's hues, told apart also
 * by colour-blind readers). Against the GTK Adwaita backgrounds of either theme the text colours have a contrast of
 * at least 4.5:1 and the kinds' fills of at least 3:1 (WCAG 2.1, 1.4.3 and 1.4.11): in the light set the orange,
 * green, pink and sky blue are darkened for it (Okabe–Ito's own read 2.1 to 3.1:1 on the light window background).
 * Each urgency has an icon of its own shape, not only its own colour. Icons are made once per set and disposed with
 * {@link #dispose()}.
 */
final class ExpiryColors {

    private static final int ICON = 16;
    private static final Map<Urgency, RGB> LIGHT = Map.of(
            Urgency.EXPIRED, new RGB(0xC6, 0x28, 0x28),
            Urgency.WITHIN_7_DAYS, new RGB(0xC4, 0x3E, 0x00),
            Urgency.WITHIN_30_DAYS, new RGB(0x8A, 0x63, 0x00),
            Urgency.FINE, new RGB(0x2E, 0x7D, 0x32));
    private static final Map<Urgency, RGB> DARK = Map.of(
            Urgency.EXPIRED, new RGB(0xFF, 0x6E, 0x6E),
            Urgency.WITHIN_7_DAYS, new RGB(0xFF, 0xA0, 0x40),
            Urgency.WITHIN_30_DAYS, new RGB(0xFF, 0xD5, 0x4F),
            Urgency.FINE, new RGB(0x81, 0xC7, 0x84));
    private static final RGB[] KINDS_LIGHT = { new RGB(0x00, 0x72, 0xB2), new RGB(0xAD, 0x78, 0x00),
            new RGB(0x00, 0x8C, 0x66), new RGB(0xB8, 0x60, 0x8F), new RGB(0x3C, 0x8D, 0xC0),
            new RGB(0xD5, 0x5E, 0x00) };
    private static final RGB[] KINDS_DARK = { new RGB(0x56, 0xB4, 0xE9), new RGB(0xF0, 0xC0, 0x4A),
            new RGB(0x3D, 0xD6, 0xA3), new RGB(0xE7, 0x9F, 0xC6), new RGB(0xA6, 0xD8, 0xF5),
            new RGB(0xFF, 0x8C, 0x42) };

    private final Display display;
    private final Map<Urgency, Image> lightIcons = new EnumMap<>(Urgency.class);
    private final Map<Urgency, Image> darkIcons = new EnumMap<>(Urgency.class);

    ExpiryColors(Display display) {
        this.display = display;
    }

    /** Whether text drawn on {@code background} needs the light set (a dark theme). */
    static boolean isDark(Color background) {
        return background != null
                && 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue() < 128;
    }

    /** The colour of an urgency in the light or the dark set. */
    static RGB urgencyRgb(Urgency urgency, boolean dark) {
        return (dark ? DARK : LIGHT).get(urgency);
    }

    /** The colour of the n-th kind in the light or the dark set (repeating after six). */
    static RGB kindRgb(int index, boolean dark) {
        RGB[] kinds = dark ? KINDS_DARK : KINDS_LIGHT;
        return kinds[index % kinds.length];
    }

    /** How many different kinds' colours there are before they repeat. */
    static int kindColours() {
        return KINDS_LIGHT.length;
    }

    /** The text colour of a row, or {@code null} (the theme's) for a certificate that is fine. */
    Color text(Urgency urgency, boolean dark) {
        return urgency == Urgency.FINE ? null : new Color((dark ? DARK : LIGHT).get(urgency));
    }

    Color urgency(Urgency urgency, boolean dark) {
        return new Color((dark ? DARK : LIGHT).get(urgency));
    }

    Image icon(Urgency urgency, boolean dark) {
        Map<Urgency, Image> icons = dark ? darkIcons : lightIcons;
        return icons.computeIfAbsent(urgency, made -> draw(made, (dark ? DARK : LIGHT).get(made)));
    }

    /** The colour of the n-th kind of the timeline (repeating after six). */
    Color kind(int index, boolean dark) {
        return new Color(kindRgb(index, dark));
    }

    void dispose() {
        lightIcons.values().forEach(Image::dispose);
        darkIcons.values().forEach(Image::dispose);
        lightIcons.clear();
        darkIcons.clear();
    }

    /**
     * Draws the shape white on black with anti-aliasing, then uses that as the alpha of an image in one colour:
     * smooth edges on any background and under the selection.
     */
    private Image draw(Urgency urgency, RGB color) {
        Image mask = new Image(display, ICON, ICON);
        GC gc = new GC(mask);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
            gc.fillRectangle(0, 0, ICON, ICON);
            gc.setAntialias(SWT.ON);
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            shape(gc, urgency, display.getSystemColor(SWT.COLOR_BLACK));
        } finally {
            gc.dispose();
        }
        ImageData alpha = mask.getImageData();
        mask.dispose();
        PaletteData direct = new PaletteData(0xFF0000, 0xFF00, 0xFF);
        ImageData icon = new ImageData(ICON, ICON, 24, direct);
        int pixel = direct.getPixel(color);
        for (int y = 0; y < ICON; y++) {
            for (int x = 0; x < ICON; x++) {
                icon.setPixel(x, y, pixel);
                icon.setAlpha(x, y, alpha.palette.getRGB(alpha.getPixel(x, y)).red);
            }
        }
        return new Image(display, icon);
    }

    /** Expired: a disc with a cross cut out; a week: a triangle with "!"; a month: a clock; fine: a tick. */
    private static void shape(GC gc, Urgency urgency, Color cut) {
        switch (urgency) {
        case EXPIRED -> {
            gc.fillOval(1, 1, 14, 14);
            gc.setForeground(cut);
            gc.setLineWidth(2);
            gc.drawLine(5, 5, 10, 10);
            gc.drawLine(10, 5, 5, 10);
        }
        case WITHIN_7_DAYS -> {
            gc.fillPolygon(new int[] { 8, 1, 15, 14, 1, 14 });
            gc.setBackground(cut);
            gc.fillRectangle(7, 5, 2, 5);
            gc.fillRectangle(7, 11, 2, 2);
        }
        case WITHIN_30_DAYS -> {
            gc.setLineWidth(2);
            gc.drawOval(2, 2, 12, 12);
            gc.drawLine(8, 4, 8, 8);
            gc.drawLine(8, 8, 11, 10);
        }
        case FINE -> {
            gc.setLineWidth(2);
            gc.drawPolyline(new int[] { 3, 8, 6, 12, 13, 4 });
        }
        }
    }
}
