package org.certbench.issuers.acme.internal;

import java.net.URI;
import java.time.Instant;

import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.truststore.ProxySettings;
import org.eclipse.osgi.util.NLS;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUnauthorizedException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/** acme4j's failures in words, with the RFC 8555 problem type and detail the CA sent, as an {@link IssuerException}. */
final class AcmeFailures {

    private static final String ACME_ERROR = "urn:ietf:params:acme:error:"; //$NON-NLS-1$

    private AcmeFailures() {
    }

    /**
     * @param issuer the issuer's name, or null before there is one (reading a directory)
     * @param server the ACME server's directory
     * @param proxy  the proxy outbound connections go through
     */
    static IssuerException of(String issuer, URI server, ProxySettings proxy, Exception failure) {
        String who = issuer == null ? Messages.Acme_ca : NLS.bind(Messages.Acme_caOf, issuer);
        Throwable cause = failure instanceof AcmeLazyLoadingException lazy && lazy.getCause() != null
                ? lazy.getCause() : failure;
        if (cause instanceof AcmeRateLimitedException limited) {
            String when = limited.getRetryAfter().map(Instant::toString).orElse(Messages.Acme_retryUnknown);
            return new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Acme_rateLimited,
                    new Object[] { who, when, problem(limited.getProblem()) }), failure,
                    limited.getRetryAfter().orElse(null));
        }
        if (cause instanceof AcmeUserActionRequiredException action) {
            return new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_userAction, new Object[] { who,
                    action.getTermsOfServiceUri().map(URI::toString).orElse(String.valueOf(action.getInstance())),
                    problem(action.getProblem()) }), failure);
        }
        if (cause instanceof AcmeUnauthorizedException unauthorized) {
            return new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_unauthorized, who,
                    problem(unauthorized.getProblem())), failure);
        }
        if (cause instanceof AcmeServerException server2) {
            String type = String.valueOf(server2.getType());
            Reason reason = type.endsWith(":serverInternal") ? Reason.UNAVAILABLE : Reason.REFUSED; //$NON-NLS-1$
            String text = type.startsWith(ACME_ERROR + "account") || type.endsWith(":externalAccountRequired") //$NON-NLS-1$ //$NON-NLS-2$
                    || type.endsWith(":accountDoesNotExist") ? Messages.Acme_account //$NON-NLS-1$
                            : type.equals(ACME_ERROR + "rejectedIdentifier") ? Messages.Acme_rejectedName //$NON-NLS-1$
                                    : Messages.Acme_caError;
            return new IssuerException(reason, NLS.bind(text, who, problem(server2.getProblem())), failure);
        }
        if (OutboundFailures.isNotTrusted(cause)) {
            // not transient: it stays refused until an administrator imports the CA
            return new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_notTrusted, new Object[] { who,
                    server, OutboundFailures.inWords(cause) }), failure);
        }
        ResponseTooLargeException tooLarge = tooLarge(cause);
        if (tooLarge != null) {
            return new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Acme_tooLarge, new Object[] { who,
                    server, tooLarge.getMessage() }), failure);
        }
        if (cause instanceof AcmeNetworkException network) {
            return new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Acme_network, new Object[] { who,
                    server, OutboundFailures.inWords(network, proxy, server) }), failure);
        }
        if (cause instanceof AcmeProtocolException || cause instanceof AcmeException) {
            return new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Acme_protocol, new Object[] {
                    who, server, OutboundFailures.inWords(cause) }), failure);
        }
        return new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Acme_network, new Object[] { who, server,
                OutboundFailures.inWords(cause, proxy, server) }), failure);
    }

    private static ResponseTooLargeException tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseTooLargeException refused) {
                return refused;
            }
        }
        return null;
    }

    /** "type: detail" and the sub-problems' per identifier, as RFC 8555 §6.7 has them. */
    static String problem(Problem problem) {
        if (problem == null) {
            return Messages.Acme_noProblem;
        }
        StringBuilder text = new StringBuilder(String.valueOf(problem.getType()));
        problem.getDetail().ifPresent(detail -> text.append(": ").append(detail)); //$NON-NLS-1$
        for (Problem sub : problem.getSubProblems()) {
            text.append("; "); //$NON-NLS-1$
            sub.getIdentifier().ifPresent(identifier -> text.append(identifier.getValue()).append(": ")); //$NON-NLS-1$
            text.append(sub.getType());
            sub.getDetail().ifPresent(detail -> text.append(" ").append(detail)); //$NON-NLS-1$
        }
        return text.toString();
    }
}
