package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * CertBench's outbound HTTP client with every response body bounded in size: acme4j reads what an ACME server sends
 * to its end (the JDK's client bounds time and headers, not bodies), so a hostile or broken server could fill the
 * memory with one endless directory. acme4j 4 takes its {@code HttpClient} from the provider and reads every body
 * through it — the one place where the bound holds for all of them. A body that declares or reaches more than the
 * bound, or comes compressed (inflated behind the bound, a small body could grow without one), fails its reading
 * with {@link ResponseTooLargeException}, the connection given up at once.
 */
final class BoundedHttpClient extends HttpClient {

    private final HttpClient client;
    private final long limit;

    BoundedHttpClient(HttpClient client, long limit) {
        this.client = client;
        this.limit = limit;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client.send(request, BoundedBodies.handler(handler, request.uri(), limit));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        return client.sendAsync(request, BoundedBodies.handler(handler, request.uri(), limit));
    }

    /** Pushed responses are not accepted: their bodies would come past the bound. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }
}
