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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.core.ChangeListeners;
import org.certbench.core.FailureLog;
import org.certbench.core.FileStamp;
import org.certbench.core.FileWatch;
import org.certbench.core.HomeLock;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.TrustAnchorIndex;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ConnectionCheck;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.ServerNotTrustedException;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link OutboundTls} over the CA trust store and {@code <home>/net.properties}. The workbench and a shell share the
 * settings file: it is written under the home's lock on it ({@code net.lock}), read again when another process
 * changed it (its stamp), and watched in the workbench, so a {@code net:proxy} run beside it takes effect there.
 */
@Component(service = OutboundTls.class)
public final class OutboundTlsService implements OutboundTls {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TrustStore store;
    private static final System.Logger LOG = System.getLogger(OutboundTlsService.class.getName());

    private final NetSettings settings;
    private final HomeLock lock;
    private final ChangeListeners listeners = new ChangeListeners(LOG);
    private FileWatch watch;
    private final FailureLog readFailures = new FailureLog(LOG);
    /** The settings as this process last read or wrote them, and the file's stamp then. */
    private ProxySettings proxy;
    private FileStamp known;
    private boolean racy;
    /** The store's snapshot the key store was built from: the store replaces its list on every change. */
    private List<CaEntry> anchorsBuiltFrom;
    private TrustAnchorIndex anchors;
    private final Clock clock;

    @Activate
    public OutboundTlsService(@Reference TrustStore store) throws IOException {
        this(store, new NetSettings(StateDirectory.root().resolve("net.properties")), Clock.systemUTC()); //$NON-NLS-1$
        watch(FileWatch.DEFAULT_PERIOD);
    }

    OutboundTlsService(TrustStore store, NetSettings settings, Clock clock) throws IOException {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.lock = new HomeLock(settings.path().toAbsolutePath().resolveSibling("net.lock")); //$NON-NLS-1$
        synchronized (this) {
            known = FileStamp.ABSENT;
            racy = true;
            proxy = ProxySettings.NONE;
            readIfChanged();
        }
    }

    /** Tells the listeners what another process changed, looking every {@code period}. */
    void watch(Duration period) throws IOException {
        watch = FileWatch.start(settings.path(), period, () -> {
            if (readIfChangedOrKeep()) {
                announce();
            }
        });
    }

    @Deactivate
    public void stop() {
        if (watch != null) {
            watch.close();
        }
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public SSLContext sslContext() {
        return context(trustManager());
    }

    @Override
    public HttpClient httpClient() {
        return client(sslContext());
    }

    @Override
    public ProxySettings proxy() {
        if (readIfChangedOrKeep()) {
            announce();
        }
        synchronized (this) {
            return proxy;
        }
    }

    @Override
    public void setProxy(ProxySettings proxy) throws TrustStoreException {
        try {
            // the home's lock first, this object's monitor only inside it: waiting for a shell that holds the lock
            // must not block the readers and the watch, which take the monitor
            lock.call(() -> {
                synchronized (this) {
                    settings.save(proxy);
                    known = FileStamp.of(settings.path());
                    racy = known.racyAt(Instant.now());
                    this.proxy = proxy;
                }
                return null;
            });
        } catch (IOException e) {
            throw new TrustStoreException(NLS.bind(Messages.Net_cannotSave, settings.path(), e.getMessage()), e);
        }
        announce();
    }

    /**
     * Reads the settings again if another process changed them since this one last read or wrote them (one
     * {@code stat} when not).
     *
     * @return whether the proxy changed
     */
    private synchronized boolean readIfChanged() throws IOException {
        FileStamp now = FileStamp.of(settings.path());
        if (now.equals(known) && !racy) {
            return false;
        }
        // a file that cannot be read is named once in the log, and read again when it changes
        known = now;
        racy = now.racyAt(Instant.now());
        ProxySettings loaded = settings.load();
        boolean changed = !loaded.equals(proxy);
        proxy = loaded;
        return changed;
    }

    /** For readers: what another process wrote if it can be read, else what this one holds (why, in the log). */
    private boolean readIfChangedOrKeep() {
        try {
            boolean changed = readIfChanged();
            readFailures.succeeded(() -> NLS.bind(Messages.Net_readAgain, settings.path()));
            return changed;
        } catch (IOException e) {
            // once until it changes or ends, not at every proxy() and every look of the watch
            readFailures.failed(NLS.bind(Messages.Net_cannotRead, settings.path(), String.valueOf(e.getMessage())), e);
            return false;
        }
    }

    private void announce() {
        listeners.fire();
    }

    @Override
    public ConnectionCheck check(URI url) {
        String target = url.toString();
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) { //$NON-NLS-1$
            return failed(url, NLS.bind(Messages.Net_notHttps, target));
        }
        HttpClient client = httpClient();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new ConnectionCheck(target, proxy().toString(), true, response.statusCode(),
                    NLS.bind(Messages.Net_ok, target, response.statusCode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(url, NLS.bind(Messages.Net_failed, target, e.getMessage()));
        } catch (IOException e) {
            return failed(url, explain(url, e));
        }
    }

    /** The trust manager's refusal is already in words; the rest are the network's failures. */
    private String explain(URI url, IOException failure) {
        String host = url.getHost();
        String target = url.toString();
        ServerNotTrustedException refusal = cause(failure, ServerNotTrustedException.class);
        if (refusal != null) {
            return refusal.getMessage();
        }
        if (failure instanceof HttpConnectTimeoutException || failure instanceof HttpTimeoutException) {
            return NLS.bind(Messages.Net_timeout, target, TIMEOUT.toSeconds());
        }
        ProxySettings proxy = proxy();
        if (cause(failure, ConnectException.class) != null && !(failure instanceof SSLHandshakeException)) {
            return NLS.bind(Messages.Net_refused, proxy.isDirect() ? target : proxy.toString());
        }
        if (cause(failure, UnresolvedAddressException.class) != null || cause(failure, UnknownHostException.class) != null) {
            return NLS.bind(Messages.Net_unknownHost, target, proxy.isDirect() ? host : proxy.host());
        }
        return NLS.bind(Messages.Net_failed, target, rootMessage(failure));
    }

    private ConnectionCheck failed(URI url, String message) {
        return new ConnectionCheck(url.toString(), proxy().toString(), false, 0, message);
    }

    private HttpClient client(SSLContext context) {
        ProxySettings current = proxy();
        return HttpClient.newBuilder()
                .sslContext(context)
                .proxy(current.isDirect() ? HttpClient.Builder.NO_PROXY
                        : ProxySelector.of(new InetSocketAddress(current.host(), current.port())))
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static SSLContext context(X509ExtendedTrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
            context.init(null, new TrustManager[] { trustManager }, null);
            return context;
        } catch (GeneralSecurityException e) {
            // every Java platform has a "TLS" SSLContext that takes a trust manager (SSLContext javadoc)
            throw new IllegalStateException(e);
        }
    }

    private X509ExtendedTrustManager trustManager() {
        return new StoreTrustManager(anchors(), clock, proxy());
    }

    private synchronized TrustAnchorIndex anchors() {
        List<CaEntry> entries = store.list();
        if (entries != anchorsBuiltFrom) {
            anchors = TrustAnchorIndex.of(TrustAnchors.usable(entries));
            anchorsBuiltFrom = entries;
        }
        return anchors;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
