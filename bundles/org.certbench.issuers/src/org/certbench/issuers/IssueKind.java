package org.certbench.issuers;

/** What a certificate is for; an issuer serves some kinds and refuses the others in words. */
public enum IssueKind {
    /** The TLS server certificate of a managed agent. */
    AGENT,
    /** The certificate of a service on this host (HTTPS, PostgreSQL, a plug-in's target). */
    HOST;

    /** {@return the kind's name as the shell and files write it: {@code agent} or {@code host}} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
