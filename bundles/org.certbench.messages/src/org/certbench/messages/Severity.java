package org.certbench.messages;

/** How urgent a system message is. */
public enum Severity {
    /** For the record; nothing to do. */
    INFO,
    /** Needs attention soon, e.g. a certificate that expires within the warning period. */
    WARNING,
    /** Something failed and needs the administrator's action. */
    ERROR
}
