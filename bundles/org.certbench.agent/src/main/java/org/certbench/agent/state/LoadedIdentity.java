package org.certbench.agent.state;

import java.security.KeyPair;

import org.certbench.crypto.Certificate;

/**
 * The private key and certificate in use, as read from {@code identity.pem} at one moment.
 *
 * @param generation counts the reads of the file in this process, so that a TLS handshake can ask for
 *                   the key and the certificate of the same version even if the file changes in between
 */
public record LoadedIdentity(long generation, Certificate certificate, KeyPair keyPair) {
}
