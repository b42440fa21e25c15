package org.certbench.renewal.internal;

import java.time.Instant;
import java.util.function.Supplier;

import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.issuers.IssueKind;
import org.certbench.renewal.RenewalPolicies;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the expiry check which host and agent certificates renewal looks after, so that they raise no expiry
 * warning until a renewal attempt failed or they have been due for a day ({@link
 * org.certbench.renewal.Coverage#warrantsExpiryWarning}). The policies are only asked for at the first check: the
 * expiry service binds this at the workbench's start, which must not load the renewal home.
 */
@Component(service = RenewalCoverage.class)
public final class ExpiryCoverage implements RenewalCoverage {

    private final Supplier<RenewalPolicies> policies;

    @Activate
    public ExpiryCoverage(@Reference ComponentServiceObjects<RenewalPolicies> policies) {
        this(new Supplier<>() {
            private RenewalPolicies service;

            @Override
            public synchronized RenewalPolicies get() {
                if (service == null) {
                    service = policies.getService();
                }
                return service;
            }
        });
    }

    ExpiryCoverage(Supplier<RenewalPolicies> policies) {
        this.policies = policies;
    }

    @Override
    public boolean covers(ExpiryRow row, Instant now) {
        IssueKind kind = switch (row.kind()) {
        case ExpiryKinds.HOST -> IssueKind.HOST;
        case ExpiryKinds.AGENT -> IssueKind.AGENT;
        // CA certificates and plug-ins' kinds: renewal does not renew them
        default -> null;
        };
        if (kind == null) {
            return false;
        }
        RenewalPolicies known = policies.get();
        return known != null && !known.coverage(kind, row.id(), row.certificate()).warrantsExpiryWarning(now);
    }
}
