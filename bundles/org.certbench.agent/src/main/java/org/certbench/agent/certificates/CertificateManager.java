package org.certbench.agent.certificates;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.certbench.agent.Messages;
import org.certbench.agent.state.IdentityStore;
import org.certbench.agent.state.LoadedIdentity;
import org.certbench.agents.protocol.ApplyCertificateResponse;
import org.certbench.agents.protocol.ApplySelfSignedResponse;
import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.agents.protocol.SelfSignedOutcome;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.IssuedCertificateVerifier;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.core.AuditLog;

/**
 * The agent's certificate operations, the same for the management API and the command line: read the
 * certificate in use, create a CSR with the agent's key, apply a CA-issued certificate (or only check it),
 * switch to a self-signed certificate. Every decision that reads and then writes the state runs under the
 * state directory's lock, so the running agent and a CLI command never interleave.
 */
public final class CertificateManager {

    static final String APPLY = "certificate.apply";
    static final String SELF_SIGNED = "certificate.self-signed";
    static final String REKEY = "certificate.rekey";
    static final String CONFIRM = "certificate.confirm";
    static final String ROLLBACK = "certificate.rollback";

    private final IdentityStore store;
    private final Supplier<HostIdentity> host;
    private final Clock clock;

    /**
     * @param host the names for self-signed certificates and CSR defaults; asked only when one is made,
     *             so that a changed address is picked up without a restart
     */
    public CertificateManager(IdentityStore store, Supplier<HostIdentity> host, Clock clock) {
        this.store = store;
        this.host = host;
        this.clock = clock;
    }

    public IdentityStore store() {
        return store;
    }

    /**
     * The key and certificate in use; on the very first use of a state directory, a new key (EC P-256) and
     * a self-signed certificate for this host are made first.
     */
    public LoadedIdentity identity() throws ProtocolException {
        try {
            if (!store.exists()) {
                store.change(() -> {
                    if (!store.exists()) {
                        createSelfSigned(PrivateKeys.generate(KeyType.DEFAULT));
                    }
                    return null;
                });
            }
            return store.current();
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, store.state().root());
        }
    }

    public CertificateInfo certificate() throws ProtocolException {
        return CertificateInfos.of(identity().certificate());
    }

    /** A CSR signed with the agent's key; the key itself never leaves the state directory. */
    public String createCsr(CsrRequest request) throws ProtocolException {
        KeyPair keyPair = identity().keyPair();
        try {
            return CertificationRequests.create(host.get(), CsrRequests.toOptions(request), keyPair).pem();
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        }
    }

    /**
     * A CSR signed with a new key, which is kept pending: the key and certificate in use stay in use (a CA that
     * refuses, or a console that never comes back, leaves the agent as it was); applying a certificate for the
     * pending key switches to both in one rename. A second call replaces the pending key.
     */
    public String createCsrWithNewKey(CsrRequest request) throws ProtocolException {
        return createCsrWithNewKey(request, KeyType.DEFAULT);
    }

    /** As {@link #createCsrWithNewKey(CsrRequest)} with a key of {@code keyType}. */
    public String createCsrWithNewKey(CsrRequest request, KeyType keyType) throws ProtocolException {
        identity();
        try {
            return store.change(() -> {
                KeyPair pending = PrivateKeys.generate(keyType);
                String csr = CertificationRequests.create(host.get(), CsrRequests.toOptions(request), pending).pem();
                store.keepPendingKey(pending);
                return csr;
            });
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, store.state().root());
        }
    }

    /**
     * As {@link #applyIssued(Certificate, Certificate, String, boolean)} for certificates sent in a request.
     *
     * @param caName          how the CA certificate is named in messages
     * @param certificateName how the certificate is named in messages
     */
    public ApplyCertificateResponse applyIssued(byte[] caContent, String caName, byte[] certificateContent,
            String certificateName, boolean whatIf) throws ProtocolException {
        return applyIssued(caContent, caName, certificateContent, certificateName, whatIf, AuditLog.currentUser());
    }

    /**
     * As {@link #applyIssued(byte[], String, byte[], String, boolean)}, on behalf of {@code who} (in the audit log:
     * the calling console's certificate fingerprint).
     */
    public ApplyCertificateResponse applyIssued(byte[] caContent, String caName, byte[] certificateContent,
            String certificateName, boolean whatIf, String who) throws ProtocolException {
        try {
            return applyIssued(Certificates.read(caContent, caName).certificate(),
                    Certificates.read(certificateContent, certificateName).certificate(), certificateName, whatIf,
                    who);
        } catch (CertBenchCryptoException e) {
            if (!whatIf) {
                audit(who, APPLY, null, null, AgentErrors.fromCrypto(e).getMessage());
            }
            throw AgentErrors.fromCrypto(e);
        }
    }

    /** As {@link #applyIssued(Certificate, Certificate, String, boolean)} for files (PEM or DER, 1 MiB at most). */
    public ApplyCertificateResponse applyIssued(Path caFile, Path certificateFile, boolean whatIf)
            throws ProtocolException {
        try {
            return applyIssued(Certificates.read(caFile).certificate(), Certificates.read(certificateFile).certificate(),
                    certificateFile.toString(), whatIf, AuditLog.currentUser());
        } catch (CertBenchCryptoException e) {
            if (!whatIf) {
                audit(AuditLog.currentUser(), APPLY, null, null, AgentErrors.fromCrypto(e).getMessage());
            }
            throw AgentErrors.fromCrypto(e);
        }
    }

    /**
     * Verifies a CA-issued certificate (issued and signed by that CA, the CA valid and a CA, the agent's
     * key, validity window, serverAuth) and, unless {@code whatIf}, puts it in use. The self-signed
     * certificate in use before is kept so that {@link #applySelfSigned} can restore it.
     *
     * @param certificateName the certificate's name in messages (its file name)
     */
    public ApplyCertificateResponse applyIssued(Certificate ca, Certificate issued, String certificateName,
            boolean whatIf) throws ProtocolException {
        return applyIssued(ca, issued, certificateName, whatIf, AuditLog.currentUser());
    }

    /**
     * As {@link #applyIssued(Certificate, Certificate, String, boolean)} on behalf of {@code who}; unless
     * {@code whatIf}, the change or the refusal is recorded in the agent's audit log.
     */
    public ApplyCertificateResponse applyIssued(Certificate ca, Certificate issued, String certificateName,
            boolean whatIf, String who) throws ProtocolException {
        String before = null;
        try {
            before = identity().certificate().sha256Fingerprint();
            ApplyCertificateResponse response = store.change(() -> {
                LoadedIdentity current = store.current();
                // a certificate for the pending key (a CSR made with a new key) puts that key in use with it
                KeyPair pending = issued.hasPublicKey(current.keyPair().getPublic()) ? null : store.pendingKey();
                KeyPair key = pending != null && issued.hasPublicKey(pending.getPublic()) ? pending
                        : current.keyPair();
                IssuedCertificateVerifier.verify(issued, ca, key.getPublic(),
                        Messages.format("OWNER_THIS_AGENT"), clock.instant()).requireValid(certificateName);
                if (!whatIf) {
                    keepIfSelfSigned(current.certificate());
                    if (key != current.keyPair()) {
                        // the console rolls back to it when its handshake does not confirm the new pair
                        store.keepPrevious(current);
                    }
                    // key and certificate in one rename: the agent serves the old pair or the new one, never a mix
                    store.replace(issued, key);
                    if (key != current.keyPair()) {
                        store.dropPendingKey();
                    }
                }
                return new ApplyCertificateResponse(!whatIf, CertificateInfos.of(issued));
            });
            if (!whatIf) {
                audit(who, APPLY, before, issued.sha256Fingerprint(), null);
            }
            return response;
        } catch (CertBenchCryptoException e) {
            throw audited(who, whatIf ? null : APPLY, before, AgentErrors.fromCrypto(e));
        } catch (IOException e) {
            throw audited(who, whatIf ? null : APPLY, before, AgentErrors.fromStateIo(e, store.state().root()));
        } catch (ProtocolException e) {
            throw audited(who, whatIf ? null : APPLY, before, e);
        }
    }

    /**
     * The console confirmed by a handshake the new key's certificate {@code fingerprint}: the previous pair is
     * forgotten. Nothing changes unless that certificate is in use.
     *
     * @param who in the audit log: the calling console's certificate fingerprint
     * @throws ProtocolException {@link ErrorCode#INVALID_INPUT} in words when that certificate is not in use
     */
    public CertificateInfo confirmKeySwitch(String fingerprint, String who) throws ProtocolException {
        return keySwitch(CONFIRM, fingerprint, who, current -> {
            store.dropPrevious();
            return new SwitchOutcome(current.certificate());
        }).inUse();
    }

    /**
     * The console could not confirm the new key's certificate {@code fingerprint}: the pair in use before the switch
     * is put back in use (one rename) and forgotten as previous. Nothing changes unless that certificate is in use.
     *
     * @param who in the audit log: the calling console's certificate fingerprint
     * @throws ProtocolException {@link ErrorCode#INVALID_INPUT} in words when that certificate is not in use, no
     *                           previous pair is kept or its certificate has expired
     */
    public CertificateInfo rollBackKeySwitch(String fingerprint, String who) throws ProtocolException {
        return keySwitch(ROLLBACK, fingerprint, who, current -> backToPrevious(Messages.format("API_NO_PREVIOUS_PAIR")))
                .inUse();
    }

    /**
     * By hand, on this host ({@code certificate-rollback}): the pair kept before the last switch to a new key is put
     * back in use (one rename) and forgotten as previous, whichever certificate is in use now. For an administrator
     * whose console could neither confirm nor roll back the switch.
     *
     * @return the certificate in use again, and a warning in words when it is not valid yet (a clock set back)
     * @throws ProtocolException {@link ErrorCode#NOT_FOUND} in words when no previous pair is kept,
     *                           {@link ErrorCode#INVALID_INPUT} when its certificate has expired
     */
    public PairInUse rollBackByHand() throws ProtocolException {
        return keySwitch(ROLLBACK, null, AuditLog.currentUser(), current -> backToPrevious(
                Messages.format("CLI_NO_PREVIOUS_PAIR", store.state().previousFile())));
    }

    /** A key switch decision's outcome: the certificate in use, and a warning in words or {@code null}. */
    public record PairInUse(CertificateInfo inUse, String warning) {
    }

    /**
     * The previous pair back in use, unless its certificate has expired: every console refuses an expired
     * certificate before it looks at any pin, so going back to one would trade a pair that passed every check when
     * it was applied for one nobody accepts. A certificate not valid yet (the clock was set back since) is put back,
     * as it was in use before the switch, with a warning.
     */
    private SwitchOutcome backToPrevious(String refusalWhenNone) throws IOException, CertBenchCryptoException {
        CertificateKeyPair previous = store.previous();
        if (previous == null) {
            return SwitchOutcome.refused(ErrorCode.NOT_FOUND, refusalWhenNone);
        }
        Certificate certificate = previous.certificate();
        Instant now = clock.instant();
        if (now.isAfter(certificate.notAfter())) {
            return SwitchOutcome.refused(ErrorCode.INVALID_INPUT, Messages.format("API_PREVIOUS_EXPIRED",
                    certificate.subject(), certificate.sha256Fingerprint(), certificate.notAfter(),
                    store.state().previousFile()));
        }
        String warning = now.isBefore(certificate.notBefore()) ? Messages.format("API_PREVIOUS_NOT_YET_VALID",
                certificate.subject(), certificate.sha256Fingerprint(), certificate.notBefore()) : null;
        store.replace(certificate, previous.keyPair());
        store.dropPrevious();
        return new SwitchOutcome(certificate, null, null, warning);
    }

    /** What a key switch decision put in use (with a warning or none), or why it changed nothing. */
    private record SwitchOutcome(Certificate inUse, ErrorCode refusalCode, String refusal, String warning) {

        SwitchOutcome(Certificate inUse) {
            this(inUse, null, null, null);
        }

        static SwitchOutcome refused(ErrorCode code, String refusal) {
            return new SwitchOutcome(null, code, refusal, null);
        }
    }

    @FunctionalInterface
    private interface SwitchDecision {
        SwitchOutcome decide(LoadedIdentity current) throws IOException, CertBenchCryptoException;
    }

    private PairInUse keySwitch(String action, String fingerprint, String who, SwitchDecision decision)
            throws ProtocolException {
        String before = null;
        try {
            before = identity().certificate().sha256Fingerprint();
            SwitchOutcome outcome = store.change(() -> {
                LoadedIdentity current = store.current();
                // no fingerprint: by hand, where the administrator decides whatever is in use
                if (fingerprint != null && !sameFingerprint(current.certificate().sha256Fingerprint(), fingerprint)) {
                    return SwitchOutcome.refused(ErrorCode.INVALID_INPUT, Messages.format("API_SWITCH_NOT_IN_USE",
                            fingerprint, current.certificate().sha256Fingerprint()));
                }
                return decision.decide(current);
            });
            if (outcome.refusal() != null) {
                // by the console's call, every refusal is of what it asked for; by hand, of the state found
                throw new ProtocolException(fingerprint == null ? outcome.refusalCode() : ErrorCode.INVALID_INPUT,
                        outcome.refusal());
            }
            audit(who, action, before, outcome.inUse().sha256Fingerprint(), null);
            return new PairInUse(CertificateInfos.of(outcome.inUse()), outcome.warning());
        } catch (CertBenchCryptoException e) {
            throw audited(who, action, before, AgentErrors.fromCrypto(e));
        } catch (IOException e) {
            throw audited(who, action, before, AgentErrors.fromStateIo(e, store.state().root()));
        } catch (ProtocolException e) {
            throw audited(who, action, before, e);
        }
    }

    private static boolean sameFingerprint(String a, String b) {
        return a.replace(":", "").equalsIgnoreCase(b.replace(":", "").strip());
    }

    /**
     * The key type named {@code name} as administrators write it ({@code P-256}, {@code p384}, {@code RSA 2048} …).
     *
     * @throws ProtocolException {@link ErrorCode#INVALID_INPUT} in words for a type this agent does not make
     */
    public static KeyType keyType(String name) throws ProtocolException {
        try {
            return KeyType.named(name);
        } catch (UnsupportedKeyException e) {
            throw new ProtocolException(ErrorCode.INVALID_INPUT, Messages.format("API_UNKNOWN_KEY_TYPE", e.getMessage()));
        }
    }

    /**
     * With {@code rekey}: a new key and a new self-signed certificate. Without: the kept self-signed
     * certificate if it belongs to the agent's key, else a new self-signed certificate for the existing key.
     */
    public ApplySelfSignedResponse applySelfSigned(boolean rekey) throws ProtocolException {
        return applySelfSigned(rekey, AuditLog.currentUser());
    }

    /**
     * As {@link #applySelfSigned(boolean)} on behalf of {@code who}; the change or the failure is recorded in the
     * agent's audit log.
     */
    public ApplySelfSignedResponse applySelfSigned(boolean rekey, String who) throws ProtocolException {
        String action = rekey ? REKEY : SELF_SIGNED;
        String before = null;
        try {
            before = identity().certificate().sha256Fingerprint();
            ApplySelfSignedResponse response = switchToSelfSigned(rekey);
            audit(who, action, before, response.certificate().sha256Fingerprint(), null);
            return response;
        } catch (ProtocolException e) {
            throw audited(who, action, before, e);
        }
    }

    private ApplySelfSignedResponse switchToSelfSigned(boolean rekey) throws ProtocolException {
        try {
            return store.change(() -> {
                // a pair kept for a rollback belongs to the CA-issued certificate being left
                store.dropPrevious();
                if (rekey) {
                    return response(SelfSignedOutcome.REKEYED, createSelfSigned(PrivateKeys.generate(KeyType.DEFAULT)));
                }
                LoadedIdentity current = store.current();
                Certificate kept = keptFor(current.keyPair());
                if (kept != null && kept.equals(current.certificate())) {
                    return response(SelfSignedOutcome.ALREADY_IN_USE, kept);
                }
                if (kept != null) {
                    store.replace(kept, current.keyPair());
                    return response(SelfSignedOutcome.RESTORED, kept);
                }
                if (current.certificate().isSelfSigned()) {
                    // in use but not kept (an older state directory, or a crash before keeping it)
                    store.keepSelfSigned(current.certificate());
                    return response(SelfSignedOutcome.ALREADY_IN_USE, current.certificate());
                }
                return response(SelfSignedOutcome.CREATED, createSelfSigned(current.keyPair()));
            });
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        } catch (IOException e) {
            throw AgentErrors.fromStateIo(e, store.state().root());
        }
    }

    private void audit(String who, String action, String before, String after, String failure) {
        store.state().auditLog(clock).record(who, action, Messages.format("AUDIT_THIS_AGENT", store.state().root()),
                before, after, failure);
    }

    /** Records the failure of {@code action} (none: {@code null}, a what-if check) and returns it for throwing. */
    private ProtocolException audited(String who, String action, String before, ProtocolException failure) {
        if (action != null) {
            audit(who, action, before, null, failure.getMessage());
        }
        return failure;
    }

    /** The kept self-signed certificate, if it certifies {@code keyPair} (after a re-key it may not). */
    private Certificate keptFor(KeyPair keyPair) throws IOException, CertBenchCryptoException {
        Certificate kept = store.keptSelfSigned();
        return kept != null && kept.hasPublicKey(keyPair.getPublic()) ? kept : null;
    }

    private void keepIfSelfSigned(Certificate current) throws IOException, CertBenchCryptoException {
        if (current.isSelfSigned() && !current.equals(store.keptSelfSigned())) {
            store.keepSelfSigned(current);
        }
    }

    /**
     * Makes a self-signed certificate for {@code keyPair} and puts both in use. The kept copy is written
     * first: a crash in between leaves the old identity in use, and the kept copy is then ignored because
     * it does not match the key in use.
     */
    private Certificate createSelfSigned(KeyPair keyPair) throws IOException, CertBenchCryptoException {
        Certificate certificate = SelfSignedCertificates.create(host.get(), keyPair, clock);
        store.keepSelfSigned(certificate);
        store.replace(certificate, keyPair);
        return certificate;
    }

    private static ApplySelfSignedResponse response(SelfSignedOutcome outcome, Certificate certificate) {
        return new ApplySelfSignedResponse(outcome, CertificateInfos.of(certificate));
    }
}
