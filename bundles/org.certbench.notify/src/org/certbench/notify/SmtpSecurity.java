package org.certbench.notify;

/** How an email channel protects its SMTP connection. */
public enum SmtpSecurity {
    /** Plain SMTP upgraded with STARTTLS (port 587); the upgrade is required. */
    STARTTLS,
    /** Implicit TLS from the first byte (port 465). */
    TLS,
    /** No TLS: only to a relay on the loopback interface (the local MTA). */
    PLAIN
}
