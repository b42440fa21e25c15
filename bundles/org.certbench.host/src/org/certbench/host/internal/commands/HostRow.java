package org.certbench.host.internal.commands;

/** A line of {@code host:list}. */
public record HostRow(String id, String name, boolean configured) {
}
