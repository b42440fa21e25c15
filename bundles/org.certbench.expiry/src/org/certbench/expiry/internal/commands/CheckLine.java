package org.certbench.expiry.internal.commands;

import java.util.List;

/** What {@code expiry:check} did: certificates looked at, messages posted, what could not be read. */
public record CheckLine(int checked, int posted, List<String> problems) {
}
