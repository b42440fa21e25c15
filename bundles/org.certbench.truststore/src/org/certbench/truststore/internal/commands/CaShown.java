package org.certbench.truststore.internal.commands;

/** {@code ca:show}: the store's view of a certificate and its details. */
public record CaShown(String id, String status, String verifiesConnections, String file, CaDetails details) {
}
