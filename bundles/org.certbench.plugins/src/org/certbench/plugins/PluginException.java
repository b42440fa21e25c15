package org.certbench.plugins;

/** A plug-in that cannot be installed or removed; the message says why, in words. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal; {@code message} is shown to the administrator as it is. */
    public PluginException(String message) {
        super(message);
    }

    /** A refusal caused by a lower-level failure (I/O, OSGi), kept as the cause. */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
