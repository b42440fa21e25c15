package org.certbench.expiry.ui.internal;

import java.util.EnumMap;
import java.util.Map;

import org.certbench.expiry.Urgency;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The Expiry view's colours and urgency icons, in two sets: darker tones for a light background, lighter ones for
 * a dark theme. An urgency looks as the same status does in every other view: its colour and icon are
 * {@link StatusLook}'s (expired, expiring this week, expiring soon, fine), which reads at least 4.5:1 on the GTK
 * Adwaita backgrounds of either theme. The timeline's kinds have their own colours (the Okabe–Ito palette's hues,
 * told apart also by colour-blind readers), with fills of at least 3:1 (WCAG 2.1, 1.4.11): in the light set the
 * orange, green, pink and sky blue are darkened for it. Icons are made once per set and disposed with
 * {@link #dispose()}.
 */
final class ExpiryColors {

    private static final Map<Urgency, Mark> MARKS = Map.of(
            Urgency.EXPIRED, Mark.EXPIRED,
            Urgency.WITHIN_7_DAYS, Mark.EXPIRING_THIS_WEEK,
            Urgency.WITHIN_30_DAYS, Mark.EXPIRING_SOON,
            Urgency.FINE, Mark.FINE);
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
        return background != null && StatusLook.isDark(background.getRGB());
    }

    /** The status mark an urgency is shown with. */
    static Mark mark(Urgency urgency) {
        return MARKS.get(urgency);
    }

    /** The colour of an urgency in the light or the dark set. */
    static RGB urgencyRgb(Urgency urgency, boolean dark) {
        return StatusLook.rgb(mark(urgency), dark);
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
        return urgency == Urgency.FINE ? null : new Color(urgencyRgb(urgency, dark));
    }

    Color urgency(Urgency urgency, boolean dark) {
        return new Color(urgencyRgb(urgency, dark));
    }

    Image icon(Urgency urgency, boolean dark) {
        Map<Urgency, Image> icons = dark ? darkIcons : lightIcons;
        return icons.computeIfAbsent(urgency, made -> StatusLook.newImage(display, mark(made), dark));
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
}
