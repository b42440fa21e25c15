/**
 * What a plug-in needs to add its own action to the Agents view: the ids of the view, its context menu, its main
 * menu and its commands ({@link org.certbench.agents.ui.AgentsView}), and the selection its handlers receive
 * ({@link org.certbench.agents.ui.AgentSelection}).
 * <p>
 * A plug-in contributes a command, a handler and a menu item through its own {@code fragment.e4xmi}: the item's
 * parent is {@link org.certbench.agents.ui.AgentsView#POPUP_MENU_ID} (right click on the table) or
 * {@link org.certbench.agents.ui.AgentsView#MENU_ID} (the main menu's Agents menu); the handler receives the
 * selected agents with {@code @Named(IServiceConstants.ACTIVE_SELECTION) @Optional AgentSelection}. A handler
 * contributed to the view's part ({@link org.certbench.agents.ui.AgentsView#PART_ID}, feature {@code handlers})
 * is active while the view is.
 * <p>
 * Package version 1.0.0 (in the bundle's Export-Package).
 */
package org.certbench.agents.ui;
