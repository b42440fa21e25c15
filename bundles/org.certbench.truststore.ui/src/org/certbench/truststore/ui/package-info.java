/**
 * What a plug-in needs to add its own command to the CA Certificates view: the IDs of the view's menus (its context
 * menu and its menu in the main menu bar) to contribute a menu item to through a model fragment, and the type of the
 * view's selection ({@link org.certbench.truststore.ui.CaCertificateSelection}) its handler receives. See the
 * README's "Adding a command to a view" section.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.truststore.ui;
