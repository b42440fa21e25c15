package org.certbench.agents.connector;

import org.certbench.agents.protocol.SelfSignedOutcome;
import org.certbench.crypto.Certificate;

/**
 * An agent switched to a self-signed certificate, which this console now pins.
 *
 * @param previous the certificate presented before
 */
public record SelfSignedChange(String agent, SelfSignedOutcome outcome, Certificate certificate,
        Certificate previous) {
}
