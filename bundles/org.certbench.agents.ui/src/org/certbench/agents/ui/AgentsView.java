package org.certbench.agents.ui;

/**
 * The ids of the Agents view's e4 model elements a plug-in may contribute to or call, stable across minor versions:
 * its part, its context menu, its menu in the main menu, its key binding context and its commands.
 * <p>
 * A plug-in's model fragment adds its own items at the end of the view's menus and toolbar, after their anchors:
 * {@code positionInList="after:org.certbench.agents.ui.menuitem.additions"} in the Agents menu ({@link #MENU_ID}),
 * {@code "after:org.certbench.agents.ui.popup.additions"} in the context menu ({@link #POPUP_MENU_ID}) and
 * {@code "after:org.certbench.agents.ui.toolitem.additions"} in the toolbar
 * {@code org.certbench.agents.ui.toolbar.agents}. Its handler receives the selected agents as an {@link AgentSelection}
 * ({@code @Named(IServiceConstants.ACTIVE_SELECTION)}).
 */
public final class AgentsView {

    /** The Agents part (a plug-in's handler contributed to it is active while the view is). */
    public static final String PART_ID = "org.certbench.agents.ui.part.agents"; //$NON-NLS-1$

    /** The context menu of the agents table (right click); its items see the selected agents. */
    public static final String POPUP_MENU_ID = "org.certbench.agents.ui.popup.agents"; //$NON-NLS-1$

    /**
     * The Agents menu of the main menu; its items that act on selected agents are enabled while the Agents view is
     * active, the others (Add Agent..., Import..., Export Console Certificate..., Trust Issuing CA from File...) run
     * from any view and bring the Agents view to the front.
     */
    public static final String MENU_ID = "org.certbench.agents.ui.menu.agents"; //$NON-NLS-1$

    /** The key binding context active while the Agents view is (F5, Ctrl+F). */
    public static final String VIEW_CONTEXT_ID = "org.certbench.agents.ui.context.view"; //$NON-NLS-1$

    /**
     * The key binding context active while the agents table has the focus (Delete, Enter, Ctrl+C), so that these
     * keys keep their meaning in the filter field.
     */
    public static final String TABLE_CONTEXT_ID = "org.certbench.agents.ui.context.table"; //$NON-NLS-1$

    /** Adds an agent (a dialog). */
    public static final String ADD_COMMAND_ID = "org.certbench.agents.ui.command.add"; //$NON-NLS-1$

    /** Removes the selected agents after a confirmation (Delete). */
    public static final String REMOVE_COMMAND_ID = "org.certbench.agents.ui.command.remove"; //$NON-NLS-1$

    /** Asks every agent for its certificate again (F5). */
    public static final String REFRESH_COMMAND_ID = "org.certbench.agents.ui.command.refresh"; //$NON-NLS-1$

    /** Trusts the certificate each selected agent presents, after showing it. */
    public static final String TRUST_COMMAND_ID = "org.certbench.agents.ui.command.trust"; //$NON-NLS-1$

    /** Opens the Manage certificates wizard for the selected agents. */
    public static final String MANAGE_COMMAND_ID = "org.certbench.agents.ui.command.manage"; //$NON-NLS-1$

    /** Shows the details of the selected agents (Enter). */
    public static final String DETAILS_COMMAND_ID = "org.certbench.agents.ui.command.details"; //$NON-NLS-1$

    /** Copies the selected rows as text, one line per agent and tab-separated columns (Ctrl+C). */
    public static final String COPY_COMMAND_ID = "org.certbench.agents.ui.command.copy"; //$NON-NLS-1$

    /** Puts the focus in the filter field (Ctrl+F). */
    public static final String FILTER_COMMAND_ID = "org.certbench.agents.ui.command.filter"; //$NON-NLS-1$

    /** Imports agents from a CSV file, after a preview with each line's problem. */
    public static final String IMPORT_COMMAND_ID = "org.certbench.agents.ui.command.import"; //$NON-NLS-1$

    /** Exports this console's certificate, with the line to authorize it on each agent. */
    public static final String EXPORT_CONSOLE_COMMAND_ID = "org.certbench.agents.ui.command.exportConsole"; //$NON-NLS-1$

    /** Makes a CA known from a file, then trusts it for the selected agents whose certificates it issued. */
    public static final String TRUST_ISSUING_CA_COMMAND_ID = "org.certbench.agents.ui.command.trustIssuingCa"; //$NON-NLS-1$

    private AgentsView() {
    }
}
