/**
 * Table rows as text for the clipboard ({@link org.certbench.ui.rows.RowsAsText}): what Ctrl+C copies in a view's
 * table.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.rows;
