package org.certbench.agents.connector;

import java.nio.file.Path;

import org.certbench.crypto.Certificate;

/** A CA-issued certificate the agent now presents; this console trusts its CA for the agent. */
public record AppliedCertificate(String agent, Path file, Certificate certificate, Certificate ca,
        Certificate previous) {
}
