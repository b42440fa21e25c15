package org.certbench.agents.ui.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.Due;
import org.certbench.renewal.RenewalPolicies;

/**
 * The "Renewal due" column: when this console renews each agent's certificate under the agent policy's rule — a
 * day, "due now", or "not by this console" for a certificate neither from one of its issuers nor adopted (another
 * console's, or self-signed). Asked of the renewal service in the Job that loads the statuses: it may read the
 * policies from the home.
 */
final class RenewalDueText {

    private final RenewalPolicies policies;
    private final Issuers issuers;

    /** Either may be null where the renewal bundles are not installed; then the column stays empty. */
    RenewalDueText(RenewalPolicies policies, Issuers issuers) {
        this.policies = policies;
        this.issuers = issuers;
    }

    /** {@return the column's text by agent name, for the statuses that name a certificate} */
    Map<String, String> of(Collection<AgentStatus> statuses) {
        Map<String, String> texts = new HashMap<>();
        if (policies == null || issuers == null) {
            return texts;
        }
        Set<String> adopted = policies.adopted();
        for (AgentStatus status : statuses) {
            Certificate certificate = status.certificate();
            if (certificate != null) {
                String agent = status.agent().name();
                texts.put(agent, text(agent, certificate, adopted));
            }
        }
        return texts;
    }

    private String text(String agent, Certificate certificate, Set<String> adopted) {
        if (issuers.issuerOf(certificate).isEmpty() && !adopted.contains(agent)) {
            return Messages.Renewal_notThisConsole;
        }
        Due due = policies.due(IssueKind.AGENT, certificate);
        return due.due() ? Messages.Renewal_dueNow : LocalDate.ofInstant(due.dueAt(), ZoneOffset.UTC).toString();
    }
}
