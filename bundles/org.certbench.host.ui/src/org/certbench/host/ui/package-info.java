/**
 * What a plug-in needs to add its own command to the Host Certificates view: the IDs of the view's menus (its context
 * menu and its menu in the main menu bar) to contribute a menu item to through a model fragment, and the type of the
 * view's selection ({@link org.certbench.host.ui.HostServiceSelection}) its handler receives. See the README's
 * "Adding a command to a view" section.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.host.ui;
