package org.certbench.issuers.acme.internal;

import java.net.URI;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.eclipse.osgi.util.NLS;

/**
 * Response bodies cut off at a bound: whatever the caller's handler makes of a body (an {@code InputStream} for
 * acme4j), it sees the body only up to the bound and then a {@link ResponseTooLargeException} where the rest would be.
 */
final class BoundedBodies {

    private static final String IDENTITY = "identity"; //$NON-NLS-1$

    private BoundedBodies() {
    }

    static <T> BodyHandler<T> handler(BodyHandler<T> handler, URI uri, long limit) {
        return info -> {
            ResponseTooLargeException refused = null;
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length"); //$NON-NLS-1$
            String encoding = info.headers().firstValue("Content-Encoding").orElse(IDENTITY) //$NON-NLS-1$
                    .strip().toLowerCase(Locale.ROOT);
            if (declared.isPresent() && declared.getAsLong() > limit) {
                refused = new ResponseTooLargeException(NLS.bind(Messages.Response_declaredTooLarge,
                        new Object[] { uri, declared.getAsLong(), limit }));
            } else if (!encoding.isEmpty() && !IDENTITY.equals(encoding)) {
                refused = new ResponseTooLargeException(NLS.bind(Messages.Response_encoded, uri, encoding));
            }
            return new Subscriber<>(handler.apply(info), uri, limit, refused);
        };
    }

    /** Passes the body on until it exceeds the bound, then cancels it and fails the caller's reading. */
    private static final class Subscriber<T> implements BodySubscriber<T> {

        private final BodySubscriber<T> delegate;
        private final URI uri;
        private final long limit;
        private final ResponseTooLargeException refusedAtOnce;
        private Flow.Subscription subscription;
        private long received;
        private boolean failed;

        Subscriber(BodySubscriber<T> delegate, URI uri, long limit, ResponseTooLargeException refusedAtOnce) {
            this.delegate = delegate;
            this.uri = uri;
            this.limit = limit;
            this.refusedAtOnce = refusedAtOnce;
        }

        @Override
        public CompletionStage<T> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            delegate.onSubscribe(given);
            if (refusedAtOnce != null) {
                fail(refusedAtOnce);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (failed) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
            }
            if (received > limit) {
                fail(new ResponseTooLargeException(NLS.bind(Messages.Response_tooLarge, uri, limit)));
                return;
            }
            delegate.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                delegate.onComplete();
            }
        }

        private void fail(ResponseTooLargeException refused) {
            failed = true;
            subscription.cancel();
            delegate.onError(refused);
        }
    }
}
