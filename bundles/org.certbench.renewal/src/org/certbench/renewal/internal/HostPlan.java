package org.certbench.renewal.internal;

import java.util.List;

/**
 * What {@code host:renew} and {@code renewal:run} will do with each host service target before anything is done:
 * renew it and why, or leave it and why (a failed look at it is a failure). A dry run is this plan alone.
 *
 * @param renew the targets to renew, with the reason of each
 * @param left the targets left alone, with the reason of each
 */
public record HostPlan(List<Step> renew, List<Step> left) {

    /** One target's place in the plan; {@code failed} when it could not even be looked at. */
    public record Step(String target, String reason, boolean failed) {
    }
}
