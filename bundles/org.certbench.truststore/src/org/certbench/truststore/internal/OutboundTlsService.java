package org.certbench.truststore.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.core.StateDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ConnectionCheck;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link OutboundTls} over the CA trust store and {@code <home>/net.properties}. */
@Component(service = OutboundTls.class)
public final class OutboundTlsService implements OutboundTls {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TrustStore store;
    private final NetSettings settings;
    private volatile ProxySettings proxy;
    /** The store's snapshot the key store was built from: the store replaces its list on every change. */
    private List<CaEntry> anchorsBuiltFrom;
    private KeyStore anchors;

    @Activate
    public OutboundTlsService(@Reference TrustStore store) throws IOException {
        this(store, new NetSettings(StateDirectory.root().resolve("net.properties"))); //$NON-NLS-1$
    }

    OutboundTlsService(TrustStore store, NetSettings settings) throws IOException {
        this.store = store;
        this.settings = settings;
        this.proxy = settings.load();
    }

    @Override
    public SSLContext sslContext() throws TrustStoreException {
        return context(trustManager());
    }

    @Override
    public HttpClient httpClient() throws TrustStoreException {
        return client(sslContext());
    }

    @Override
    public ProxySettings proxy() {
        return proxy;
    }

    @Override
    public void setProxy(ProxySettings proxy) throws TrustStoreException {
        try {
            settings.save(proxy);
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Net_cannotSave, settings.path(), e.getMessage()), e);
        }
        this.proxy = proxy;
    }

    @Override
    public ConnectionCheck check(URI url) {
        String target = url.toString();
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) { //$NON-NLS-1$
            return failed(url, NLS.bind(Messages.Net_notHttps, target));
        }
        RecordingTrustManager recorder;
        HttpClient client;
        try {
            recorder = new RecordingTrustManager(trustManager());
            client = client(context(recorder));
        } catch (TrustStoreException e) {
            return failed(url, e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new ConnectionCheck(target, proxy.toString(), true, response.statusCode(),
                    NLS.bind(Messages.Net_ok, target, response.statusCode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(url, NLS.bind(Messages.Net_failed, target, e.getMessage()));
        } catch (IOException e) {
            return failed(url, explain(url, e, recorder.lastServerChain()));
        }
    }

    private String explain(URI url, IOException failure, X509Certificate[] presented) {
        String host = url.getHost();
        String target = url.toString();
        if (failure instanceof HttpConnectTimeoutException || failure instanceof HttpTimeoutException) {
            return NLS.bind(Messages.Net_timeout, target, TIMEOUT.toSeconds());
        }
        if (causedBy(failure, ConnectException.class) && !(failure instanceof SSLHandshakeException)) {
            return NLS.bind(Messages.Net_refused, proxy.isDirect() ? target : proxy.toString());
        }
        if (causedBy(failure, UnresolvedAddressException.class) || causedBy(failure, UnknownHostException.class)) {
            return NLS.bind(Messages.Net_unknownHost, target, proxy.isDirect() ? host : proxy.host());
        }
        String detail = rootMessage(failure);
        // an empty store fails with "trustAnchors parameter must be non-empty": naming the issuer helps more
        boolean untrusted = causedBy(failure, CertPathValidatorException.class) || detail.contains("certification path") //$NON-NLS-1$
                || detail.contains("trustAnchors parameter must be non-empty"); //$NON-NLS-1$
        if (untrusted && (presented == null || presented.length == 0)) {
            return detail.contains("trustAnchors") ? Messages.Net_noAnchors : NLS.bind(Messages.Net_failed, target, detail); //$NON-NLS-1$
        }
        if (untrusted) {
            String issuer = issuerOf(presented, host);
            return proxy.isDirect() ? NLS.bind(Messages.Net_untrustedIssuer, host, issuer)
                    : NLS.bind(Messages.Net_untrustedIssuerProxy, new Object[] { host, proxy, issuer });
        }
        if (causedBy(failure, CertificateException.class) && detail.toLowerCase().contains("match")) { //$NON-NLS-1$
            return NLS.bind(Messages.Net_hostnameMismatch, host, detail);
        }
        return NLS.bind(Messages.Net_failed, target, detail);
    }

    /** The issuer named by the last certificate of the presented chain, read by the crypto core. */
    private static String issuerOf(X509Certificate[] chain, String host) {
        if (chain == null || chain.length == 0) {
            return "?"; //$NON-NLS-1$
        }
        try {
            return Certificate.fromDer(chain[chain.length - 1].getEncoded(), host).summary().issuerCommonName();
        } catch (CertBenchCryptoException | java.security.cert.CertificateEncodingException e) {
            return chain[chain.length - 1].getIssuerX500Principal().getName();
        }
    }

    private ConnectionCheck failed(URI url, String message) {
        return new ConnectionCheck(url.toString(), proxy.toString(), false, 0, message);
    }

    private HttpClient client(SSLContext context) {
        ProxySettings current = proxy;
        return HttpClient.newBuilder()
                .sslContext(context)
                .proxy(current.isDirect() ? HttpClient.Builder.NO_PROXY
                        : ProxySelector.of(new InetSocketAddress(current.host(), current.port())))
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static SSLContext context(X509ExtendedTrustManager trustManager) throws TrustStoreException {
        try {
            SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
            context.init(null, new TrustManager[] { trustManager }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TrustStoreException(NLS.bind(Messages.Net_failed, "TLS", e.getMessage()), e); //$NON-NLS-1$
        }
    }

    private X509ExtendedTrustManager trustManager() throws TrustStoreException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX"); //$NON-NLS-1$
            factory.init(anchors());
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("no X.509 trust manager"); //$NON-NLS-1$
        } catch (GeneralSecurityException e) {
            throw new TrustStoreException(NLS.bind(Messages.Net_failed, "TLS", e.getMessage()), e); //$NON-NLS-1$
        }
    }

    private synchronized KeyStore anchors() throws GeneralSecurityException {
        List<CaEntry> entries = store.list();
        if (entries != anchorsBuiltFrom) {
            anchors = TrustAnchors.keyStore(entries);
            anchorsBuiltFrom = entries;
        }
        return anchors;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                messages.append(cause.getMessage()).append(' ');
            }
        }
        return messages.toString().strip();
    }
}
