package org.certbench.core;

/**
 * The mark of a delayed component that each application starts once its own start is done: the shell before its
 * command, the workbench after its window shows. Nothing on the way to the window or the command waits for it, and
 * a component that nobody asks for still starts its own work (checks, the outbox) in every application.
 *
 * @since 1.4
 */
public final class BackgroundStart {

    /** The service property, as a component declares it: {@code @Component(property = BackgroundStart.PROPERTY)}. */
    public static final String PROPERTY = "certbench.start=background"; //$NON-NLS-1$

    /** The filter an application finds the marked services with. */
    public static final String FILTER = "(" + PROPERTY + ")"; //$NON-NLS-1$ //$NON-NLS-2$

    private BackgroundStart() {
    }
}
