package org.certbench.agents.connector;

/**
 * How {@link AgentFleet#reissue} renews agents' certificates.
 *
 * @param rekey whether the agent makes a new key first (else the CSR is for the key it has)
 */
public record ReissueOptions(boolean rekey) {

    /** The agent keeps its key. */
    public static final ReissueOptions KEEP_KEY = new ReissueOptions(false);
}
