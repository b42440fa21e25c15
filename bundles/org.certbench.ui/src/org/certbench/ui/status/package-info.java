/**
 * Status at a glance: an icon and a text colour per certificate status (fine, expiring soon, expiring this week,
 * untrusted, expired, unreachable, not checked), chosen to read on the table's own background, light or dark
 * ({@link org.certbench.ui.status.StatusLook}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.ui.status;
