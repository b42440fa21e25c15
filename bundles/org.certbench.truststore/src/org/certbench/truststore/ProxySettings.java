package org.certbench.truststore;

/**
 * The HTTP proxy outbound connections go through (HTTPS by CONNECT), or none.
 *
 * @param host the proxy's host name or address, or {@code null} for a direct connection
 * @param port its port
 */
public record ProxySettings(String host, int port) {

    public static final ProxySettings NONE = new ProxySettings(null, 0);

    /**
     * Checks the proxy.
     * @throws IllegalArgumentException when a host is given without a usable port (1 to 65535) or blank
     */
    public ProxySettings {
        if (host != null && (host.isBlank() || port < 1 || port > 65535)) {
            throw new IllegalArgumentException("a proxy needs a host and a port between 1 and 65535");
        }
    }

    /** {@return whether connections go direct, without a proxy} */
    public boolean isDirect() {
        return host == null;
    }

    @Override
    public String toString() {
        return isDirect() ? "none (direct connections)" : host + ":" + port;
    }
}
