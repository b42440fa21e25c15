package org.certbench.agents.connector;

import java.util.Objects;

import org.certbench.crypto.KeyType;

/**
 * How {@link AgentFleet#reissue} renews agents' certificates.
 *
 * @param rekey   whether the agent makes a new key first (else the CSR is for the key it has); the agent keeps the
 *                pair it served before until a handshake confirms the new one, and goes back to it when none does
 * @param keyType the type of that new key (ignored without {@code rekey}); never null
 */
public record ReissueOptions(boolean rekey, KeyType keyType) {

    /** The agent keeps its key. */
    public static final ReissueOptions KEEP_KEY = new ReissueOptions(false);

    /** Refuses a null key type. */
    public ReissueOptions {
        Objects.requireNonNull(keyType, "keyType"); //$NON-NLS-1$
    }

    /**
     * A new key of the default type ({@link KeyType#DEFAULT}) with {@code rekey}.
     *
     * @param rekey whether the agent makes a new key first
     */
    public ReissueOptions(boolean rekey) {
        this(rekey, KeyType.DEFAULT);
    }
}
