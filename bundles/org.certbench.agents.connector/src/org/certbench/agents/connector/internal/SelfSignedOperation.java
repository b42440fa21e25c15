package org.certbench.agents.connector.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.protocol.ApplySelfSignedRequest;
import org.certbench.agents.protocol.ApplySelfSignedResponse;
import org.certbench.agents.protocol.Endpoint;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.agents.protocol.SelfSignedOutcome;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.eclipse.osgi.util.NLS;

/**
 * "Use existing self-signed certificates" / "Generate new private key and self-signed certificate", then
 * "Apply Changes": the agent switches, this console pins the certificate the agent answered with (it came
 * over a connection trusted by the old pin or CA), then a new handshake confirms the agent presents it.
 */
final class SelfSignedOperation {

    private final FleetParts parts;

    SelfSignedOperation(FleetParts parts) {
        this.parts = parts;
    }

    BatchResult<SelfSignedChange> run(List<String> names, boolean rekey, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        return parts.runner().run(names, name -> name, relay, BatchRunner.Reporting.EACH_RESULT,
                name -> apply(parts.inventory().get(name), rekey));
    }

    private AgentResult<SelfSignedChange> apply(AgentEntry agent, boolean rekey)
            throws AgentCallException, FleetException {
        String name = agent.name();
        AgentConnector.Reply reply = parts.connector().call(agent, Endpoint.APPLY_SELF_SIGNED,
                new ApplySelfSignedRequest(rekey).toJson());
        ApplySelfSignedResponse response;
        Certificate certificate;
        try {
            response = ApplySelfSignedResponse.fromJson(reply.body());
            certificate = Certificates.read(response.certificate().pem().getBytes(StandardCharsets.US_ASCII), name)
                    .certificate();
        } catch (ProtocolException | CertBenchCryptoException e) {
            return AgentResult.failed(name, NLS.bind(Messages.Call_badAnswer, e.getMessage()));
        }
        if (!certificate.isSelfSigned()) {
            return AgentResult.failed(name, NLS.bind(Messages.Call_badAnswer, Messages.SelfSigned_notSelfSigned));
        }
        AgentEntry pinned = parts.inventory().change(name, current -> {
            AgentEntry present = TrustOperation.current(name, current);
            return new AgentEntry(present.name(), present.host(), present.port(), present.added(), certificate,
                    present.trustedCa(), certificate.publicKeySha256Fingerprint());
        });
        AgentConnector.Handshake confirmation = parts.connector().handshake(pinned);
        if (!certificate.equals(confirmation.certificate())) {
            return AgentResult.failed(name,
                    NLS.bind(Messages.Apply_notPresented, confirmation.certificate().sha256Fingerprint()));
        }
        return AgentResult.succeeded(name,
                new SelfSignedChange(name, outcome(response.outcome()), certificate, reply.presented()), null);
    }

    /** The wire's outcome in the connector's words; a new protocol outcome fails the build here, not a caller. */
    private static SelfSignedChange.Outcome outcome(SelfSignedOutcome outcome) {
        return switch (outcome) {
            case ALREADY_IN_USE -> SelfSignedChange.Outcome.ALREADY_IN_USE;
            case RESTORED -> SelfSignedChange.Outcome.RESTORED;
            case CREATED -> SelfSignedChange.Outcome.CREATED;
            case REKEYED -> SelfSignedChange.Outcome.REKEYED;
        };
    }
}
