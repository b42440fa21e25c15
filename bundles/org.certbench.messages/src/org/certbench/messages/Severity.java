package org.certbench.messages;

/** How urgent a system message is. */
public enum Severity {
    INFO, WARNING, ERROR
}
