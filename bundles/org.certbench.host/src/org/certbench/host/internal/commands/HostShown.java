package org.certbench.host.internal.commands;

import java.util.List;

/**
 * {@code host:show}: settings, and the certificate served now with its chain (common names after the first).
 *
 * @param problem why the served certificate could not be read, or {@code null}
 */
public record HostShown(String id, String name, boolean configured, String settingsFile, List<String> settings,
        String problem, List<String> warnings, List<String> chain, CertificateDetails served) {
}
