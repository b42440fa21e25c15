package org.certbench.issuers.acme.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;

import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStoreException;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.provider.AbstractAcmeProvider;

/**
 * acme4j's provider for any ACME server, given to each {@code Session} directly: acme4j's own lookup of providers
 * ({@code ServiceLoader} on the thread's context class loader) is not used, since in OSGi it finds nothing or the
 * wrong bundle's, and its Pebble and Let's Encrypt providers would bring their own trust. Its HTTP client is
 * CertBench's outbound one: the CA store's trust, host names verified, the configured proxy; every response body
 * bounded in size ({@link BoundedHttpClient}).
 */
final class OutboundAcmeProvider extends AbstractAcmeProvider {

    /**
     * The most an ACME answer may be: a directory, an order or a certificate chain is a few kilobytes; an order of
     * the 100 names a CA allows, some tens.
     */
    static final long MAX_RESPONSE = 1024 * 1024;

    private final OutboundTls outbound;

    OutboundAcmeProvider(OutboundTls outbound) {
        this.outbound = outbound;
    }

    @Override
    public boolean accepts(URI serverUri) {
        return "https".equals(serverUri.getScheme()); //$NON-NLS-1$
    }

    @Override
    public URL resolve(URI serverUri) {
        try {
            return serverUri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new AcmeProtocolException(serverUri.toString(), e);
        }
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
        try {
            return new BoundedHttpClient(outbound.httpClient(), MAX_RESPONSE);
        } catch (TrustStoreException e) {
            throw new AcmeProtocolException(e.getMessage(), e);
        }
    }
}
