/**
 * Two certificates side by side, every field of their summaries with the differing ones marked: what Compare shows
 * for two selected CA certificates, or for an agent's pinned certificate and the one it presents now.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.compare;
