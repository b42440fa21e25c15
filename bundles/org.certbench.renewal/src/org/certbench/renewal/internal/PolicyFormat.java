package org.certbench.renewal.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.certbench.crypto.KeyType;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.issuers.IssueKind;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalPolicy;
import org.eclipse.osgi.util.NLS;

/**
 * A policy as entries of {@code policies.properties}, one prefix per kind: {@code agent.issuer=local},
 * {@code agent.due.fraction=3}, {@code agent.due.atMostDays=30}, {@code agent.rekey=false},
 * {@code agent.key.type=P-256}.
 */
public final class PolicyFormat {

    private static final String ISSUER = ".issuer"; //$NON-NLS-1$
    private static final String FRACTION = ".due.fraction"; //$NON-NLS-1$
    private static final String AT_MOST = ".due.atMostHours"; //$NON-NLS-1$
    private static final String REKEY = ".rekey"; //$NON-NLS-1$
    private static final String KEY_TYPE = ".key.type"; //$NON-NLS-1$

    private PolicyFormat() {
    }

    static RenewalPolicy read(IssueKind kind, Map<String, String> entries) throws IllegalArgumentException {
        String prefix = kind.label();
        String issuer = entries.getOrDefault(prefix + ISSUER, "").strip(); //$NON-NLS-1$
        DueRule due = new DueRule(
                number(entries, prefix + FRACTION, DueRule.DEFAULT.fraction()),
                Duration.ofHours(number(entries, prefix + AT_MOST, (int) DueRule.DEFAULT.atMost().toHours())));
        String rekey = entries.getOrDefault(prefix + REKEY, "false").strip(); //$NON-NLS-1$
        if (!rekey.equals("true") && !rekey.equals("false")) { //$NON-NLS-1$ //$NON-NLS-2$
            throw new IllegalArgumentException(NLS.bind(Messages.Policy_badValue, prefix + REKEY, rekey));
        }
        String keyType = entries.getOrDefault(prefix + KEY_TYPE, "").strip(); //$NON-NLS-1$
        KeyType type;
        try {
            type = keyType.isEmpty() ? KeyType.DEFAULT : KeyType.named(keyType);
        } catch (UnsupportedKeyException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Policy_badKeyType, prefix + KEY_TYPE, e.getMessage()),
                    e);
        }
        return new RenewalPolicy(kind, issuer.isEmpty() ? Optional.empty() : Optional.of(issuer), due,
                Boolean.parseBoolean(rekey), type);
    }

    static void write(RenewalPolicy policy, Map<String, String> entries) {
        String prefix = policy.kind().label();
        if (policy.issuer().isPresent()) {
            entries.put(prefix + ISSUER, policy.issuer().get());
        } else {
            entries.remove(prefix + ISSUER);
        }
        entries.put(prefix + FRACTION, Integer.toString(policy.due().fraction()));
        entries.put(prefix + AT_MOST, Long.toString(policy.due().atMost().toHours()));
        entries.put(prefix + REKEY, Boolean.toString(policy.rekey()));
        entries.put(prefix + KEY_TYPE, policy.keyType().displayName());
    }

    private static int number(Map<String, String> entries, String key, int absent) {
        String value = entries.get(key);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Policy_badValue, key, value), e);
        }
    }
}
