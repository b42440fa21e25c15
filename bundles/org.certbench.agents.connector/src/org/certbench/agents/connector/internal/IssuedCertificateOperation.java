package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.VerifiedCertificate;
import org.certbench.agents.protocol.ApplyCertificateRequest;
import org.certbench.agents.protocol.ApplyCertificateResponse;
import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.KeySwitchRequest;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CryptoProblem;
import org.certbench.crypto.IssuedCertificateVerifier;
import org.certbench.crypto.VerificationResult;
import org.eclipse.osgi.util.NLS;

/**
 * "Verify Files" and "Apply Certificates". The agents are asked for their certificates first (the key each
 * must be certified for, from a trusted handshake), then every file is matched by key, so that a file
 * named after one agent but holding another's certificate is reported as that other agent's.
 */
final class IssuedCertificateOperation {

    private record AgentKey(AgentEntry agent, Certificate presented, String keyId) {
    }

    private record Verification(List<AgentResult<VerifiedCertificate>> results, List<String> notices,
            Map<String, Certificate> presented) {
    }

    private final FleetParts parts;

    IssuedCertificateOperation(FleetParts parts) {
        this.parts = parts;
    }

    BatchResult<VerifiedCertificate> verify(List<String> names, Path caFile, Path directory, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        Verification verification = verify(names, caFile, directory, relay, true);
        return new BatchResult<>(verification.results(), verification.notices());
    }

    BatchResult<AppliedCertificate> apply(List<String> names, Path caFile, Path directory, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        Verification verification = verify(names, caFile, directory, relay, false);
        List<VerifiedCertificate> verified = verification.results().stream().filter(AgentResult::succeeded)
                .map(AgentResult::value).toList();
        BatchResult<AppliedCertificate> applied = parts.runner().run(verified, VerifiedCertificate::agent, relay,
                BatchRunner.Reporting.EACH_RESULT,
                certificate -> apply(certificate, verification.presented().get(certificate.agent())));
        Map<String, AgentResult<AppliedCertificate>> appliedByName = applied.results().stream()
                .collect(Collectors.toMap(AgentResult::agent, result -> result));
        List<AgentResult<AppliedCertificate>> results = new ArrayList<>();
        for (AgentResult<VerifiedCertificate> result : verification.results()) {
            results.add(result.succeeded() ? appliedByName.get(result.agent())
                    : new AgentResult<>(result.agent(), result.outcome(), null, result.message()));
        }
        return new BatchResult<>(results, verification.notices());
    }

    /**
     * Sends a verified certificate to its agent, trusts its CA for the agent, and confirms by a new handshake that
     * the agent presents it and it is trusted.
     */
    AgentResult<AppliedCertificate> apply(VerifiedCertificate verified, Certificate before)
            throws AgentCallException, FleetException {
        AgentEntry agent = parts.inventory().get(verified.agent());
        return apply(verified, before, (endpoint, json) -> parts.connector().call(agent, endpoint, json));
    }

    /**
     * As {@link #apply(VerifiedCertificate, Certificate)}, the certificate sent by {@code caller} (a renewal's
     * session).
     */
    AgentResult<AppliedCertificate> apply(VerifiedCertificate verified, Certificate before, AgentConnector.Caller caller)
            throws AgentCallException, FleetException {
        AgentResult<AppliedCertificate> sent = send(verified, caller);
        return sent != null ? sent : confirm(verified, before);
    }

    /**
     * As {@link #apply(VerifiedCertificate, Certificate, AgentConnector.Caller)} for a certificate of the agent's new
     * (pending) key: when the confirming handshake fails, the agent is asked to go back to the pair it served before,
     * and the inventory to what it trusted before; when it succeeds, the agent is told to forget that pair.
     */
    AgentResult<AppliedCertificate> applyNewKey(VerifiedCertificate verified, Certificate before,
            AgentConnector.Caller caller) throws AgentCallException, FleetException {
        String name = verified.agent();
        AgentEntry trustedBefore = parts.inventory().get(name);
        AgentResult<AppliedCertificate> sent = send(verified, caller);
        if (sent != null) {
            return sent;
        }
        AgentResult<AppliedCertificate> confirmed;
        try {
            confirmed = confirm(verified, before);
        } catch (AgentCallException e) {
            return rollBack(trustedBefore, verified, e.getMessage());
        }
        if (!confirmed.succeeded()) {
            return rollBack(trustedBefore, verified, confirmed.message());
        }
        String fingerprint = verified.certificate().sha256Fingerprint();
        try {
            parts.connector().call(parts.inventory().get(name), Endpoint.CONFIRM_KEY_SWITCH,
                    new KeySwitchRequest(fingerprint).toJson());
        } catch (AgentCallException e) {
            // the new pair works; the previous one stays on the agent until its next key switch
            return AgentResult.succeeded(name, confirmed.value(), NLS.bind(Messages.Rekey_notForgotten,
                    e.getMessage()));
        }
        return confirmed;
    }

    private AgentResult<AppliedCertificate> rollBack(AgentEntry trustedBefore, VerifiedCertificate verified,
            String reason) throws FleetException {
        String name = verified.agent();
        try {
            AgentConnector.Reply reply = parts.connector().callPresenting(parts.inventory().get(name),
                    verified.certificate(), Endpoint.ROLL_BACK_KEY_SWITCH,
                    new KeySwitchRequest(verified.certificate().sha256Fingerprint()).toJson());
            CertificateInfo.fromJson(reply.body());
        } catch (AgentCallException | ProtocolException e) {
            return AgentResult.failed(name, NLS.bind(Messages.Rekey_notRolledBack, reason, e.getMessage()));
        }
        parts.inventory().change(name, current -> {
            AgentEntry present = TrustOperation.current(name, current);
            return new AgentEntry(present.name(), present.host(), present.port(), present.added(),
                    present.pinnedCertificate(), trustedBefore.trustedCa(), trustedBefore.pinnedKey());
        });
        return AgentResult.failed(name, NLS.bind(Messages.Rekey_rolledBack, reason));
    }

    /** Sends the certificate through {@code caller}; {@code null} when the agent applied it, else the failure. */
    private AgentResult<AppliedCertificate> send(VerifiedCertificate verified, AgentConnector.Caller caller)
            throws AgentCallException, FleetException {
        String name = verified.agent();
        try {
            // known before the call: if the answer is lost after the agent switched, "Trust this certificate"
            // still finds the CA
            parts.store().addKnownCa(verified.ca());
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Store_cannotWrite, parts.store().path(), e.getMessage()), e);
        }
        ApplyCertificateRequest request = new ApplyCertificateRequest(verified.ca().pem(),
                verified.certificate().pem(), false);
        AgentConnector.Reply reply = caller.call(Endpoint.APPLY_CERTIFICATE, request.toJson());
        try {
            ApplyCertificateResponse response = ApplyCertificateResponse.fromJson(reply.body());
            if (!response.applied()) {
                return AgentResult.failed(name, Messages.Apply_notApplied);
            }
        } catch (ProtocolException e) {
            return AgentResult.failed(name, NLS.bind(Messages.Call_badAnswer, e.getMessage()));
        }
        return null;
    }

    /** Trusts the applied certificate's CA and key for the agent, and confirms by a new handshake. */
    private AgentResult<AppliedCertificate> confirm(VerifiedCertificate verified, Certificate before)
            throws AgentCallException, FleetException {
        String name = verified.agent();
        AgentEntry trusting = parts.inventory().change(name, current -> {
            AgentEntry present = TrustOperation.current(name, current);
            // the applied certificate's key is pinned: the agent need not be reached at a name the certificate
            // names, and a renewal with the same key stays trusted
            return new AgentEntry(present.name(), present.host(), present.port(), present.added(),
                    present.pinnedCertificate(), verified.ca(), verified.certificate().publicKeySha256Fingerprint());
        });
        AgentConnector.Handshake confirmation = parts.connector().handshake(trusting, verified.certificate());
        if (!verified.certificate().equals(confirmation.certificate())) {
            return AgentResult.failed(name,
                    NLS.bind(Messages.Apply_notPresented, confirmation.certificate().sha256Fingerprint()));
        }
        if (!confirmation.decision().isTrusted()) {
            return AgentResult.failed(name, confirmation.decision().reason());
        }
        return AgentResult.succeeded(name,
                new AppliedCertificate(name, verified.file(), verified.certificate(), verified.ca(), before), null);
    }

    private Verification verify(List<String> names, Path caFile, Path directory, BatchRunner.MonitorRelay relay,
            boolean reportSuccesses) {
        Certificate ca;
        CertificateDirectory files;
        try {
            ca = readCa(caFile);
            files = CertificateDirectory.scan(directory);
        } catch (FleetException e) {
            List<AgentResult<VerifiedCertificate>> failed = new ArrayList<>();
            for (String name : names) {
                AgentResult<VerifiedCertificate> result = AgentResult.failed(name, e.getMessage());
                failed.add(result);
                relay.done(result);
            }
            return new Verification(failed, List.of(), Map.of());
        }
        BatchResult<AgentKey> keys = parts.runner().run(names, name -> name, relay, BatchRunner.Reporting.SILENT,
                this::agentKey);
        Map<String, String> ownerByKey = new HashMap<>();
        Map<String, Certificate> presented = new HashMap<>();
        keys.values().forEach(key -> {
            ownerByKey.put(key.keyId(), key.agent().name());
            presented.put(key.agent().name(), key.presented());
        });
        Instant now = parts.clock().instant();
        List<AgentResult<VerifiedCertificate>> results = new ArrayList<>();
        for (AgentResult<AgentKey> key : keys.results()) {
            AgentResult<VerifiedCertificate> result = key.succeeded()
                    ? match(key.value(), ca, files, ownerByKey, now)
                    : new AgentResult<>(key.agent(), key.outcome(), null, key.message());
            results.add(result);
            if (reportSuccesses || !result.succeeded()) {
                relay.done(result);
            }
        }
        return new Verification(results, files.problems(), presented);
    }

    private AgentResult<AgentKey> agentKey(String name) throws AgentCallException, FleetException {
        AgentEntry agent = parts.inventory().get(name);
        AgentConnector.Handshake handshake = parts.connector().handshake(agent);
        if (!handshake.decision().isTrusted()) {
            return AgentResult.failed(name, NLS.bind(Messages.Call_untrusted, name, handshake.decision().reason()));
        }
        try {
            String keyId = CertificateDirectory.keyId(handshake.certificate().publicKey());
            return AgentResult.succeeded(name, new AgentKey(agent, handshake.certificate(), keyId), null);
        } catch (CertBenchCryptoException e) {
            return AgentResult.failed(name, e.getMessage());
        }
    }

    private static AgentResult<VerifiedCertificate> match(AgentKey key, Certificate ca, CertificateDirectory files,
            Map<String, String> ownerByKey, Instant now) {
        String name = key.agent().name();
        List<CertificateDirectory.Found> candidates = files.forKey(key.keyId());
        List<CertificateDirectory.Found> named = files.namedAfter(name);
        if (candidates.isEmpty()) {
            if (named.isEmpty()) {
                return AgentResult.failed(name, NLS.bind(Messages.Verify_noFile, files.path()));
            }
            CertificateDirectory.Found misnamed = named.get(0);
            String owner = ownerByKey.get(misnamed.keyId());
            return AgentResult.failed(name, owner != null
                    ? NLS.bind(Messages.Verify_fileOfOtherAgent, misnamed.fileName(), owner)
                    : NLS.bind(Messages.Verify_fileOfOtherKey, misnamed.fileName(),
                            misnamed.certificate().summary().commonName()));
        }
        Map<CertificateDirectory.Found, VerificationResult> checks = new HashMap<>();
        for (CertificateDirectory.Found candidate : candidates) {
            checks.put(candidate, IssuedCertificateVerifier.verify(candidate.certificate(), ca,
                    publicKey(key), name, now));
        }
        // several files for one key (an old and a renewed certificate): a valid one first, then the one
        // named after the agent, then the newest
        Comparator<CertificateDirectory.Found> preference = Comparator
                .comparing((CertificateDirectory.Found found) -> !checks.get(found).isValid())
                .thenComparing(found -> !named.contains(found))
                .thenComparing(found -> found.certificate().notBefore(), Comparator.reverseOrder());
        CertificateDirectory.Found best = candidates.stream().sorted(preference).findFirst().orElseThrow();
        VerificationResult check = checks.get(best);
        if (!check.isValid()) {
            return AgentResult.failed(name, NLS.bind(Messages.Verify_rejected, best.fileName(),
                    check.problems().stream().map(CryptoProblem::message).collect(Collectors.joining("; ")))); //$NON-NLS-1$
        }
        String note = named.contains(best) ? null : NLS.bind(Messages.Verify_foundByKey, best.fileName());
        return AgentResult.succeeded(name, new VerifiedCertificate(name, best.file(), best.certificate(), ca), note);
    }

    private static java.security.PublicKey publicKey(AgentKey key) {
        try {
            return key.presented().publicKey();
        } catch (CertBenchCryptoException e) {
            // agentKey() read this very key already
            throw new IllegalStateException(e);
        }
    }

    private static Certificate readCa(Path caFile) throws FleetException {
        try {
            Certificate ca = Certificates.read(caFile).certificate();
            if (!ca.isCertificateAuthority()) {
                throw new FleetException(NLS.bind(Messages.Verify_notCa, caFile.getFileName()));
            }
            return ca;
        } catch (CertBenchCryptoException e) {
            throw new FleetException(NLS.bind(Messages.Verify_caUnreadable, caFile, e.getMessage()), e);
        }
    }
}
