/**
 * Plug-ins an administrator adds to CertBench: bundles built against the exported API, kept in
 * {@code <home>/plugins/} (so {@code --home} isolates them and the product needs no write access) and started
 * with the workbench or the shell. {@link org.certbench.plugins.Plugins} is the OSGi service the shell and the
 * workbench call; plug-ins must not implement it.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.plugins;
