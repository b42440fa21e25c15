package org.certbench.app.internal.layout;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.graphics.Rectangle;

/**
 * Which kept window bounds can be used: a size a window can have, and enough of the title bar on one of the screens
 * present now to grab it (a screen unplugged since, or a file edited by hand, would put the window out of reach).
 */
final class WindowBounds {

    static final int MIN_WIDTH = 300;
    static final int MIN_HEIGHT = 200;
    /** How much of the window's top must be on a screen to be grabbed with the mouse. */
    static final int GRAB = 64;

    private WindowBounds() {
    }

    /** {@return {@code kept} if usable on {@code screens}, its size cut to the largest screen; else empty} */
    static Optional<Rectangle> usable(Rectangle kept, List<Rectangle> screens) {
        if (kept.width < MIN_WIDTH || kept.height < MIN_HEIGHT) {
            return Optional.empty();
        }
        Rectangle titleBar = new Rectangle(kept.x, kept.y, kept.width, GRAB);
        for (Rectangle screen : screens) {
            Rectangle visible = screen.intersection(titleBar);
            if (visible.width >= GRAB && visible.height >= GRAB / 2 && kept.y >= screen.y) {
                return Optional.of(new Rectangle(kept.x, kept.y, Math.min(kept.width, screen.width),
                        Math.min(kept.height, screen.height)));
            }
        }
        return Optional.empty();
    }
}
