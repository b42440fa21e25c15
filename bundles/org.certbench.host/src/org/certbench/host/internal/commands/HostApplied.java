package org.certbench.host.internal.commands;

import java.util.List;

/** {@code host:generate} and {@code host:upload}: what is served now. */
public record HostApplied(String id, String result, List<String> warnings, CertificateDetails certificate) {
}
