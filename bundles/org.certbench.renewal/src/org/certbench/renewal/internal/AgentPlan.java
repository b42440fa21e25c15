package org.certbench.renewal.internal;

import java.util.List;

/**
 * What {@code agent:renew} will do with each agent before it does anything: renew it and why, or leave it and
 * why. A dry run is this plan and nothing else.
 *
 * @param renew the agents to renew, with the reason of each
 * @param left the agents left alone, with the reason of each
 */
public record AgentPlan(List<Step> renew, List<Step> left) {

    /** One agent's place in the plan. */
    public record Step(String agent, String reason, boolean failed) {
    }
}
