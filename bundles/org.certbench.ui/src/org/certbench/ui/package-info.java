/**
 * Widgets the CertBench views share, and plug-in views may use: a virtual table read by index (fluid with
 * 10,000 rows), buttons with test ids.
 */
package org.certbench.ui;
