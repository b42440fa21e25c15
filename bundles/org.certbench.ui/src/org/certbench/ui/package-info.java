/**
 * Widgets the CertBench views share, and plug-in views may use: a virtual table read by index (fluid with
 * 10,000 rows), buttons with test ids, the
 * plug-ins' contributed rows appended to a certificate details table.
 */
package org.certbench.ui;
