package org.certbench.ui.status;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * The icon and text colour of each {@link Mark}, for one control (a table): the colours are the light-theme ones on
 * a light background and brighter ones on a dark background, so that each reads on the theme in use; each icon is a
 * filled disc of the mark's colour with a white sign, so that the marks differ by shape as well as by colour (for
 * readers who do not tell red from green). Images and colours are made once and disposed with the control. Use on
 * the UI thread.
 * <p>
 * Against the GTK Adwaita backgrounds (light: white and #F6F5F4; dark: #2D2D2D and #353535) every text colour has a
 * contrast of at least 4.5:1 (WCAG 2.1, 1.4.3).
 */
public final class StatusLook {

    /** The statuses a certificate row may have, in rising concern. */
    public enum Mark {
        /** Trusted and not near its end: a check mark, green. */
        FINE(new RGB(0x1a, 0x7f, 0x37), new RGB(0x3f, 0xb9, 0x50)),
        /** Trusted but near its end: an exclamation mark, amber. */
        EXPIRING_SOON(new RGB(0x8a, 0x5c, 0x00), new RGB(0xd2, 0x99, 0x22)),
        /**
         * Trusted but within a week of its end: two exclamation marks, orange.
         *
         * @since 1.1
         */
        EXPIRING_THIS_WEEK(new RGB(0xc4, 0x3e, 0x00), new RGB(0xff, 0xa0, 0x40)),
        /** Refused (another certificate than the trusted one): a cross, red. */
        UNTRUSTED(new RGB(0xcf, 0x22, 0x2e), new RGB(0xff, 0x7b, 0x72)),
        /** Past its end: a clock, purple. */
        EXPIRED(new RGB(0x82, 0x50, 0xdf), new RGB(0xbc, 0x8c, 0xff)),
        /** Not reached (no connection, no handshake): a dash, grey. */
        UNREACHABLE(new RGB(0x57, 0x60, 0x6a), new RGB(0x9d, 0xa5, 0xae)),
        /** Not asked yet: a question mark on a pale disc; the text keeps the default colour. */
        NOT_CHECKED(new RGB(0x8c, 0x95, 0x9f), new RGB(0x6e, 0x76, 0x81));

        private final RGB onLight;
        private final RGB onDark;

        Mark(RGB onLight, RGB onDark) {
            this.onLight = onLight;
            this.onDark = onDark;
        }
    }

    private static final int SIZE = 16;

    private final Map<Mark, Image> images = new EnumMap<>(Mark.class);
    private final Map<Mark, Color> colors = new EnumMap<>(Mark.class);

    /** The look for {@code owner}'s background; its images go with the control. */
    public StatusLook(Control owner) {
        Display display = owner.getDisplay();
        boolean dark = isDark(owner.getBackground().getRGB());
        for (Mark mark : Mark.values()) {
            RGB rgb = rgb(mark, dark);
            colors.put(mark, new Color(rgb));
            images.put(mark, icon(display, mark, rgb));
        }
        owner.addListener(SWT.Dispose, event -> images.values().forEach(Image::dispose));
    }

    /** {@return the icon of {@code mark}, 16 by 16 pixels} */
    public Image image(Mark mark) {
        return images.get(mark);
    }

    /** {@return the text colour of {@code mark}, or {@code null} (the default) for {@link Mark#NOT_CHECKED}} */
    public Color color(Mark mark) {
        return mark == Mark.NOT_CHECKED ? null : colors.get(mark);
    }

    /**
     * {@return the colour of {@code mark} on a light background, or on a dark one if {@code dark}}: for views that
     * draw a mark themselves (a timeline's line) or choose the set per paint.
     *
     * @since 1.1
     */
    public static RGB rgb(Mark mark, boolean dark) {
        return dark ? mark.onDark : mark.onLight;
    }

    /**
     * {@return a new icon of {@code mark} for a light background, or a dark one if {@code dark}}; the caller disposes
     * it (a {@code StatusLook} made for a control disposes its own).
     *
     * @since 1.1
     */
    public static Image newImage(Display display, Mark mark, boolean dark) {
        return icon(display, mark, rgb(mark, dark));
    }

    /**
     * {@return whether a background is dark}: its relative luminance (ITU-R BT.709) below the middle.
     *
     * @since 1.1
     */
    public static boolean isDark(RGB background) {
        double luminance = 0.2126 * background.red + 0.7152 * background.green + 0.0722 * background.blue;
        return luminance < 128;
    }

    /**
     * Draws the icon twice: once as a white disc on black, whose brightness becomes the alpha channel (smooth edges
     * on any background and on the selection's colour), and once as the sign in white on the mark's colour.
     */
    private static Image icon(Display display, Mark mark, RGB rgb) {
        Image mask = new Image(display, SIZE, SIZE);
        Image face = new Image(display, SIZE, SIZE);
        Color color = new Color(rgb);
        try {
            GC gc = new GC(mask);
            try {
                gc.setAntialias(SWT.ON);
                gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
                gc.fillRectangle(0, 0, SIZE, SIZE);
                gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.fillOval(0, 0, SIZE - 1, SIZE - 1);
            } finally {
                gc.dispose();
            }
            gc = new GC(face);
            try {
                gc.setAntialias(SWT.ON);
                gc.setBackground(color);
                gc.fillRectangle(0, 0, SIZE, SIZE);
                gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.setLineWidth(2);
                gc.setLineCap(SWT.CAP_ROUND);
                sign(gc, mark);
            } finally {
                gc.dispose();
            }
            ImageData data = face.getImageData();
            ImageData alpha = mask.getImageData();
            byte[] alphas = new byte[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    alphas[y * SIZE + x] = (byte) alpha.palette.getRGB(alpha.getPixel(x, y)).red;
                }
            }
            data.alphaData = alphas;
            return new Image(display, data);
        } finally {
            mask.dispose();
            face.dispose();
        }
    }

    private static void sign(GC gc, Mark mark) {
        switch (mark) {
        case FINE -> gc.drawPolyline(new int[] { 4, 8, 7, 11, 12, 5 });
        case EXPIRING_SOON -> {
            gc.drawLine(8, 4, 8, 9);
            gc.drawLine(8, 12, 8, 12);
        }
        case EXPIRING_THIS_WEEK -> {
            gc.drawLine(6, 4, 6, 9);
            gc.drawLine(6, 12, 6, 12);
            gc.drawLine(10, 4, 10, 9);
            gc.drawLine(10, 12, 10, 12);
        }
        case UNTRUSTED -> {
            gc.drawLine(5, 5, 10, 10);
            gc.drawLine(10, 5, 5, 10);
        }
        case EXPIRED -> {
            gc.setLineWidth(1);
            gc.drawOval(3, 3, 9, 9);
            gc.setLineWidth(2);
            gc.drawPolyline(new int[] { 8, 5, 8, 8, 10, 9 });
        }
        case UNREACHABLE -> gc.drawLine(4, 8, 11, 8);
        case NOT_CHECKED -> {
            gc.drawPolyline(new int[] { 5, 6, 6, 4, 9, 4, 10, 6, 8, 8, 8, 9 });
            gc.drawLine(8, 12, 8, 12);
        }
        }
    }
}
