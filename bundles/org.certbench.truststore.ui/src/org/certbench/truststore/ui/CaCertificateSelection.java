package org.certbench.truststore.ui;

import java.util.List;

import org.certbench.truststore.CaEntry;

/**
 * The CA certificates selected in the CA Certificates view, in the order the table shows them. The view publishes it
 * through {@code ESelectionService} and puts it in its part's context, so a handler run from the view's menus, keys
 * or buttons receives it by type: {@code @Execute void run(@Optional CaCertificateSelection selection)} (the value is
 * {@code null} while the view is not the active part).
 *
 * @param entries the selected CA certificates; empty when no row is selected
 */
public record CaCertificateSelection(List<CaEntry> entries) {

    /** Copies the list: a selection does not change after it was published. */
    public CaCertificateSelection {
        entries = List.copyOf(entries);
    }

    /** {@return whether no certificate is selected} */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
