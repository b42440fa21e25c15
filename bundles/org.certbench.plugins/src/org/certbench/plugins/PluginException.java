package org.certbench.plugins;

/** A plug-in that cannot be installed or removed; the message says why, in words. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
