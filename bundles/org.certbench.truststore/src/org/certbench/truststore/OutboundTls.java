package org.certbench.truststore;

import java.net.URI;
import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every connection of CertBench to the outside world: verified against the CA trust store only (not the
 * JDK's cacerts), host names verified, through the configured HTTP proxy. Connections to managed agents do
 * not use this: they trust by pin or per-agent CA.
 * <p>
 * Thread-safe; every method may be called from any thread. No method returns {@code null} or accepts it.
 * Plug-ins call this service; they do not implement it.
 */
@ProviderType
public interface OutboundTls {

    /**
     * An SSLContext that trusts exactly the usable CA certificates of the store, as they are now, with their name
     * and path length constraints. Its trust manager checks the host name whenever the TLS stack knows the host
     * (HttpClient; sockets and engines made for a host). A refusal fails the handshake with a
     * {@link ServerNotTrustedException} as cause, whose message gives the reason in words. A certificate
     * imported or deleted later changes what a context made later trusts, not this one.
     *
     * @throws TrustStoreException if no context can be made from the store
     */
    SSLContext sslContext() throws TrustStoreException;

    /**
     * An HttpClient with {@link #sslContext()} and the proxy settings as they are now.
     *
     * @throws TrustStoreException if no context can be made from the store
     */
    HttpClient httpClient() throws TrustStoreException;

    /** The proxy that outbound connections go through now; {@link ProxySettings#NONE} for none. */
    ProxySettings proxy();

    /**
     * Changes the proxy (persisted in {@code <home>/net.properties}) for clients made from now on.
     *
     * @param proxy the new proxy, {@link ProxySettings#NONE} for none
     * @throws TrustStoreException if the settings cannot be written; the proxy is unchanged then
     */
    void setProxy(ProxySettings proxy) throws TrustStoreException;

    /**
     * Tells {@code listener}, on any thread, after the proxy changed: by this process, or by another one using the
     * same home (a {@code net:proxy} in a shell beside the workbench), seen within a few seconds.
     */
    void addChangeListener(Runnable listener);

    /**
     * Stops calling a listener added with {@link #addChangeListener(Runnable)}; an unknown one is ignored. Thread-safe.
     */
    void removeChangeListener(Runnable listener);

    /**
     * Connects to {@code url} and reports success or, in words, why not (for a refused certificate, the message of
     * the {@link ServerNotTrustedException}). Never throws for a failed connection; blocks the calling thread
     * for the connection, so UI code calls it from a Job.
     */
    ConnectionCheck check(URI url);
}
