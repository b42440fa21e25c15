package org.certbench.expiry.internal;

/**
 * The overview as Prometheus metrics, for {@code expiry:metrics}: published by the expiry service beside
 * {@link org.certbench.expiry.ExpiryOverview}, internal to this bundle (the format is the API, not this type).
 */
public interface CertificateMetrics {

    /**
     * Every certificate of the overview and every agent's state as of the last refresh, in Prometheus' text
     * format. Blocks as {@link org.certbench.expiry.ExpiryOverview#rows()} does; makes no connection to agents.
     */
    PrometheusText metrics();
}
