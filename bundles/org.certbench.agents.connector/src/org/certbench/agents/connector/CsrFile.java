package org.certbench.agents.connector;

import java.nio.file.Path;
import java.util.List;

/** A CSR an agent made with its own key, written to {@code file}. */
public record CsrFile(String agent, Path file, String subject, List<String> alternativeNames) {
}
