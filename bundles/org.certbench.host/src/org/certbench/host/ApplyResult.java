package org.certbench.host;

import java.util.List;

import org.certbench.crypto.Certificate;

/**
 * A certificate that was applied and confirmed: the service now serves it.
 *
 * @param applied  the new host certificate
 * @param served   the chain the service served in the confirming handshake
 * @param warnings the upload warnings the administrator accepted (empty for a generated certificate), and a note
 *                 when a Cancel came after the service had reloaded (since 1.2)
 */
public record ApplyResult(String targetId, Certificate applied, List<Certificate> served, List<String> warnings) {

    /** Copies the lists, so the result stays unchanged; neither may be {@code null}. */
    public ApplyResult {
        served = List.copyOf(served);
        warnings = List.copyOf(warnings);
    }
}
