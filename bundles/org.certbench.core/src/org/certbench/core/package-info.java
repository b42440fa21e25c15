/**
 * What every CertBench bundle shares and nothing else owns: where the state lives and which version
 * runs. Plain Java, no OSGi types, so tests and tools outside OSGi can use it too.
 */
package org.certbench.core;
