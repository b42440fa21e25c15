package org.certbench.host.ui;

import org.certbench.host.TargetStatus;
import org.certbench.host.TargetSummary;

/**
 * The host service selected in the Host Certificates view. The view publishes it through {@code ESelectionService}
 * and puts it in its part's context, so a handler run from the view's menus, keys or buttons receives it by type:
 * {@code @Execute void run(@Optional HostServiceSelection selection)} (the value is {@code null} while the view is
 * not the active part or no service is there).
 *
 * @param service the service as the drop-down lists it (its ID, name, whether it is configured, its settings)
 * @param status  what the service serves now, as read by the last handshake, or {@code null} while it is being read
 *                or could not be read
 */
public record HostServiceSelection(TargetSummary service, TargetStatus status) {
}
