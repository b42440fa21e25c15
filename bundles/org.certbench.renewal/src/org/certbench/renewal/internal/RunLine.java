package org.certbench.renewal.internal;

/**
 * A line of {@code renewal:run}: the kind and the agent or service, {@code renewed} / {@code failed} /
 * {@code waiting} (backing off after failures) / {@code left}, and why, in words.
 */
public record RunLine(String kind, String target, String result, String detail) {
}
