package org.certbench.agents.connector.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Fingerprints;
import org.certbench.crypto.InvalidRequestException;
import org.eclipse.osgi.util.NLS;

/**
 * Adding agents: the certificate an agent presents when it is added is what this console trusts from then
 * on (second seed: a certificate "modified since the agent was initially added" is untrusted), with its key.
 */
final class AgentAdder {

    private final FleetParts parts;

    AgentAdder(FleetParts parts) {
        this.parts = parts;
    }

    AgentStatus add(String rawName, String rawHost, int port, String expectedFingerprint) throws FleetException {
        String name = Inventory.checkName(rawName);
        String host = checkHost(rawHost);
        if (port < 1 || port > 65535) {
            throw new FleetException(NLS.bind(Messages.Add_badPort, port));
        }
        String expected = null;
        if (expectedFingerprint != null && !expectedFingerprint.isBlank()) {
            try {
                expected = Fingerprints.parseSha256(expectedFingerprint);
            } catch (InvalidRequestException e) {
                throw new FleetException(e.getMessage(), e);
            }
        }
        if (parts.inventory().find(name) != null) {
            throw new FleetException(NLS.bind(Messages.Agent_exists, name));
        }
        AgentEntry untrusted = new AgentEntry(name, host, port, parts.clock().instant(), null, null);
        Certificate presented;
        try {
            presented = parts.connector().handshake(untrusted).certificate();
        } catch (AgentCallException e) {
            throw new FleetException(NLS.bind(Messages.Add_unreachable, name, e.getMessage()), e);
        }
        if (expected != null && !Fingerprints.shown(expected).equals(presented.sha256Fingerprint())) {
            throw new FleetException(NLS.bind(Messages.Add_fingerprintMismatch,
                    new Object[] { name, presented.sha256Fingerprint(), expectedFingerprint.strip() }));
        }
        Certificate ca = presented.isSelfSigned() ? null : TrustPolicy.issuerAmong(presented, knownCas());
        // the key is pinned either way: a CA-issued certificate then stays trusted for this agent (and no other's
        // certificate of the same CA is) at an address it does not name, and so does a renewal with that key
        AgentEntry entry = ca != null
                ? new AgentEntry(name, host, port, untrusted.added(), null, ca, presented.publicKeySha256Fingerprint())
                : new AgentEntry(name, host, port, untrusted.added(), presented, null);
        parts.inventory().change(name, current -> {
            if (current != null) {
                throw new FleetException(NLS.bind(Messages.Agent_exists, name));
            }
            return entry;
        });
        TrustDecision decision = TrustPolicy.decide(entry, presented, parts.clock().instant(),
                parts.connector().revocations());
        return new AgentStatus(entry, decision.state(), presented, decision.reason(), decision.warning());
    }

    BatchResult<AgentStatus> importCsv(Path file, BatchMonitor monitor) throws FleetException {
        return importRows(CsvAgents.read(file), monitor);
    }

    BatchResult<AgentStatus> importRows(List<CsvAgents.Row> rows, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(rows.size());
        return parts.runner().run(rows, CsvAgents.Row::label, relay, BatchRunner.Reporting.EACH_RESULT, this::importRow);
    }

    private AgentResult<AgentStatus> importRow(CsvAgents.Row row) throws AgentCallException, FleetException {
        if (row.problem() != null) {
            return AgentResult.failed(row.label(), row.problem());
        }
        String name = Inventory.checkName(row.name());
        AgentEntry existing = parts.inventory().find(name);
        if (existing != null) {
            if (existing.host().equals(checkHost(row.host())) && existing.port() == row.port()) {
                return AgentResult.succeeded(name, parts.status(existing), Messages.Import_alreadyPresent);
            }
            return AgentResult.failed(name, NLS.bind(Messages.Import_otherAddress, name, existing.address()));
        }
        return AgentResult.succeeded(name, add(name, row.host(), row.port(), null), null);
    }

    private List<Certificate> knownCas() throws FleetException {
        try {
            return parts.store().knownCas();
        } catch (java.io.IOException e) {
            throw new FleetException(NLS.bind(Messages.Store_cannotRead, parts.store().path(), e.getMessage()), e);
        }
    }

    /** The host as given, without the brackets an IPv6 address may come in. */
    private static String checkHost(String host) throws FleetException {
        String stripped = host == null ? "" : host.strip(); //$NON-NLS-1$
        if (stripped.startsWith("[") && stripped.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        if (stripped.isEmpty() || stripped.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw new FleetException(NLS.bind(Messages.Add_badHost, host));
        }
        return stripped;
    }
}
