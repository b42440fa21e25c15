package org.certbench.agents.connector.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.TrustChange;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.crypto.Certificate;

/**
 * The fleet's changes in the console's audit log: one entry per agent, the entries of a batch written together (one
 * write and one flush for a thousand agents rather than a thousand), before the batch's result is returned. Agents a
 * cancelled batch never reached changed nothing and leave no entry.
 */
final class FleetAudit {

    static final String ADD = "agent.add";
    static final String REMOVE = "agent.remove";
    static final String TRUST = "agent.trust";
    static final String KNOWN_CA = "agent.known-ca";
    static final String APPLY = "agent.apply";
    static final String SELF_SIGNED = "agent.self-signed";
    static final String REKEY = "agent.rekey";
    static final String REISSUE = "agent.renew";


    private final AuditLog log;

    FleetAudit(AuditLog log) {
        this.log = log;
    }

    void one(String action, String object, String before, String after, String failure) {
        log.record(AuditLog.currentUser(), action, object, before, after, failure);
    }

    /**
     * Records each agent's outcome of {@code result} as {@code action}.
     *
     * @param fingerprints the fingerprints before and after of a succeeded agent's value
     * @return {@code result}
     */
    <T> BatchResult<T> batch(String action, BatchResult<T> result, Function<T, String[]> fingerprints) {
        List<AuditEntry> entries = new ArrayList<>();
        String who = AuditLog.currentUser();
        for (AgentResult<T> agent : result.results()) {
            if (agent.succeeded()) {
                String[] change = agent.value() == null ? new String[2] : fingerprints.apply(agent.value());
                entries.add(log.entry(who, action, agent.agent(), change[0], change[1], null));
            } else if (agent.outcome() == AgentResult.Outcome.FAILED) {
                entries.add(log.entry(who, action, agent.agent(), null, null, String.valueOf(agent.message())));
            }
        }
        if (!entries.isEmpty()) {
            log.recordAll(entries);
        }
        return result;
    }

    static String[] fingerprints(TrustChange change) {
        Certificate after = change.trusted() != null ? change.trusted() : change.presented();
        return new String[] { fingerprint(change.previous()), fingerprint(after) };
    }

    static String pinned(AgentEntry agent) {
        return agent == null ? null : fingerprint(agent.pinnedCertificate());
    }

    static String fingerprint(Certificate certificate) {
        return certificate == null ? null : certificate.sha256Fingerprint();
    }
}
