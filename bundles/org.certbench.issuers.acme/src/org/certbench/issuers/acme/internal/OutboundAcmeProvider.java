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
 * CertBench's outbound one: the CA store's trust, host names verified, the configured proxy.
 */
final class OutboundAcmeProvider extends AbstractAcmeProvider {

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
            return outbound.httpClient();
        } catch (TrustStoreException e) {
            throw new AcmeProtocolException(e.getMessage(), e);
        }
    }
}
