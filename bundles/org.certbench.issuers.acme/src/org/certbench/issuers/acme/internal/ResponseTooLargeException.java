package org.certbench.issuers.acme.internal;

import java.io.IOException;

/** A response body refused for its size (or a compression that hides it), in words. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(String message) {
        super(message);
    }
}
