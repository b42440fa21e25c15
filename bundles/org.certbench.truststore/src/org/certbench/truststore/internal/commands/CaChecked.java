package org.certbench.truststore.internal.commands;

import java.util.List;

/** {@code ca:check} and {@code ca:import}: what became (or would become) of a file. */
public record CaChecked(String file, String result, String id, List<String> warnings, List<String> notices,
        CaDetails details) {
}
