/**
 * The layout kept between runs in CertBench's own file ({@code <home>/layout.properties}), not in the e4 model (a
 * kept model would keep a removed plug-in's view alive): {@link org.certbench.ui.layout.LayoutMemory} holds it, and
 * {@link org.certbench.ui.layout.TableLayout#remember} keeps a table's column widths and sort in one line of its view.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.ui.layout;
