package org.certbench.example.haproxy;

/** Why HAProxy could not be asked, in words an administrator can act on. */
public final class HaproxyException extends Exception {

    private static final long serialVersionUID = 1L;

    public HaproxyException(String message, Throwable cause) {
        super(message, cause);
    }
}
