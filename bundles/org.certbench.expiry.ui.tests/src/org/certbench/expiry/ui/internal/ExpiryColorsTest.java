package org.certbench.expiry.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certbench.expiry.Urgency;
import org.certbench.ui.status.StatusLook;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

/**
 * The view's colours read on the backgrounds they are drawn on, measured as WCAG 2.1 measures contrast: the urgency
 * colours of the rows' text at least 4.5:1, the kinds' fills of the timeline's bars and legend at least 3:1, each
 * set against the GTK Adwaita theme's table and window backgrounds it is used on (light: white and #F6F5F4; dark:
 * #2D2D2D and #353535, read from screenshots of the product).
 */
class ExpiryColorsTest {

    private static final List<RGB> LIGHT_BACKGROUNDS = List.of(new RGB(0xFF, 0xFF, 0xFF), new RGB(0xF6, 0xF5, 0xF4));
    private static final List<RGB> DARK_BACKGROUNDS = List.of(new RGB(0x2D, 0x2D, 0x2D), new RGB(0x35, 0x35, 0x35));

    @Test
    void textAndBarsStandOutEnoughInTheLightAndTheDarkTheme() {
        List<String> tooFaint = new ArrayList<>();
        for (boolean dark : new boolean[] { false, true }) {
            for (RGB background : dark ? DARK_BACKGROUNDS : LIGHT_BACKGROUNDS) {
                for (Urgency urgency : Urgency.values()) {
                    check(tooFaint, urgency.name(), ExpiryColors.urgencyRgb(urgency, dark), background, 4.5);
                }
                for (int kind = 0; kind < ExpiryColors.kindColours(); kind++) {
                    check(tooFaint, "kind " + kind, ExpiryColors.kindRgb(kind, dark), background, 3.0);
                }
            }
        }
        assertTrue(tooFaint.isEmpty(), String.join("\n", tooFaint));
    }

    @Test
    void anUrgencyLooksAsTheSameStatusDoesInTheOtherViews() {
        assertEquals(StatusLook.Mark.EXPIRED, ExpiryColors.mark(Urgency.EXPIRED));
        assertEquals(StatusLook.Mark.EXPIRING_THIS_WEEK, ExpiryColors.mark(Urgency.WITHIN_7_DAYS));
        assertEquals(StatusLook.Mark.EXPIRING_SOON, ExpiryColors.mark(Urgency.WITHIN_30_DAYS));
        assertEquals(StatusLook.Mark.FINE, ExpiryColors.mark(Urgency.FINE));
        for (boolean dark : new boolean[] { false, true }) {
            Set<RGB> seen = new HashSet<>();
            for (Urgency urgency : Urgency.values()) {
                RGB colour = ExpiryColors.urgencyRgb(urgency, dark);
                assertEquals(StatusLook.rgb(ExpiryColors.mark(urgency), dark), colour, urgency.name());
                assertTrue(seen.add(colour), urgency + " has a colour of its own");
            }
        }
    }

    @Test
    void aDarkThemeIsToldByItsBackground() {
        for (RGB background : DARK_BACKGROUNDS) {
            assertTrue(ExpiryColors.isDark(new org.eclipse.swt.graphics.Color(background)), background.toString());
        }
        for (RGB background : LIGHT_BACKGROUNDS) {
            assertTrue(!ExpiryColors.isDark(new org.eclipse.swt.graphics.Color(background)), background.toString());
        }
    }

    private static void check(List<String> tooFaint, String what, RGB colour, RGB background, double least) {
        double contrast = contrast(colour, background);
        if (contrast < least) {
            tooFaint.add(String.format("%s %s on %s: %.2f:1, less than %.1f:1", what, colour, background, contrast,
                    least));
        }
    }

    /** WCAG 2.1's contrast ratio of two colours. */
    static double contrast(RGB one, RGB other) {
        double lighter = Math.max(luminance(one), luminance(other));
        double darker = Math.min(luminance(one), luminance(other));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(RGB rgb) {
        return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
