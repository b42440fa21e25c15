package org.certbench.app.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

/** Which kept window bounds are used, with two screens side by side. */
class WindowBoundsTest {

    private static final List<Rectangle> SCREENS = List.of(new Rectangle(0, 0, 1920, 1080),
            new Rectangle(1920, 0, 1280, 1024));

    @Test
    void boundsOnEitherScreenAreUsed() {
        assertEquals(Optional.of(new Rectangle(100, 50, 900, 600)),
                WindowBounds.usable(new Rectangle(100, 50, 900, 600), SCREENS));
        assertEquals(Optional.of(new Rectangle(2000, 10, 800, 600)),
                WindowBounds.usable(new Rectangle(2000, 10, 800, 600), SCREENS));
    }

    @Test
    void aWindowLargerThanItsScreenIsCutToIt() {
        assertEquals(Optional.of(new Rectangle(0, 0, 1920, 1080)),
                WindowBounds.usable(new Rectangle(0, 0, 50000, 40000), SCREENS));
    }

    @Test
    void boundsOffEveryScreenOrWithoutATitleBarInReachAreIgnored() {
        // a screen unplugged since: right of both
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(4000, 100, 800, 600), SCREENS));
        // the title bar above the screens' top
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(100, -400, 800, 600), SCREENS));
        // only a sliver left of the first screen's edge
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(-790, 100, 800, 600), SCREENS));
    }

    @Test
    void sizesNoWindowCanHaveAreIgnored() {
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(100, 100, -800, 600), SCREENS));
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(100, 100, 800, 0), SCREENS));
        assertEquals(Optional.empty(), WindowBounds.usable(new Rectangle(100, 100, 20, 20), SCREENS));
    }
}
