/**
 * Widgets the CertBench views share, and plug-in views may use: a virtual table read by index (fluid with
 * 10,000 rows), buttons and labelled field rows (text, file, directory) with test ids, and the plug-ins'
 * contributed rows appended to a certificate details table; and the request asking a view to show one
 * certificate ({@link org.certbench.ui.ShowCertificate}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.certbench.ui;
