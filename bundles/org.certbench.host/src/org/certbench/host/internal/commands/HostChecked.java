package org.certbench.host.internal.commands;

import java.util.List;

/** {@code host:check}: an upload that would be accepted, with what the administrator should know. */
public record HostChecked(String certificateFile, String keyFile, String result, List<String> warnings,
        List<String> notices, List<String> chain, CertificateDetails certificate) {
}
