package org.certbench.shell.internal;

/** What {@code certbench:version} shows. */
public record ProductVersion(String product, String version, String java, String framework, String crypto,
        String home) {
}
