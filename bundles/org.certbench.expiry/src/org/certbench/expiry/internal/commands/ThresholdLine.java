package org.certbench.expiry.internal.commands;

import java.util.List;

/** A kind's warning thresholds in days, largest first, as {@code expiry:thresholds} lists them. */
public record ThresholdLine(String kind, List<Integer> days) {
}
