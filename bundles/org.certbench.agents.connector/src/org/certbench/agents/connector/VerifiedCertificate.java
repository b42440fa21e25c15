package org.certbench.agents.connector;

import java.nio.file.Path;

import org.certbench.crypto.Certificate;

/**
 * A certificate file found for an agent (matched by the agent's public key) that passed every check:
 * issued by the CA, the agent's key, inside its validity, Server Authentication.
 */
public record VerifiedCertificate(String agent, Path file, Certificate certificate, Certificate ca) {
}
