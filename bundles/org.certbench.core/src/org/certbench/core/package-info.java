/**
 * What every CertBench bundle shares and nothing else owns: where the state lives and which version
 * runs. Plain Java, no OSGi types, so tests and tools outside OSGi can use it too.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.core;
