package org.certbench.expiry.internal;

import org.certbench.expiry.ExpiryRow;

/**
 * A row as the check sees it.
 *
 * @param pinnedSelfSigned an agent's pinned self-signed certificate, whose validity the console does not enforce:
 *                         it is reported in one summary for all such agents, not one message each
 */
record Watched(ExpiryRow row, boolean pinnedSelfSigned) {
}
