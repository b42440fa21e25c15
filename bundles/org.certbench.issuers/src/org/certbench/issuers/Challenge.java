package org.certbench.issuers;

import java.util.Objects;

/**
 * A proof of control an issuer asks for before it signs (an ACME {@code http-01} or {@code dns-01} challenge).
 *
 * @param type the challenge type as the issuer's protocol names it, e.g. {@code http-01}; never null
 * @param name the name whose control is to be shown (a DNS name); never null
 * @param token the token that identifies the challenge (for {@code http-01}, the file name under
 *        {@code /.well-known/acme-challenge/}); never null
 * @param content what must be served or published for the challenge; never null
 */
public record Challenge(String type, String name, String token, String content) {

    /** Refuses null components. */
    public Challenge {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(content, "content");
    }
}
