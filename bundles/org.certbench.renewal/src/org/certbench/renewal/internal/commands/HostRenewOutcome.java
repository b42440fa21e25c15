package org.certbench.renewal.internal.commands;

/**
 * A line of {@code host:renew}: the host service target, {@code renewed} / {@code failed} / {@code cancelled} /
 * {@code due} (a dry run would renew it) / {@code left}, and what was done or why not, in words.
 */
public record HostRenewOutcome(String target, String result, String detail) {
}
