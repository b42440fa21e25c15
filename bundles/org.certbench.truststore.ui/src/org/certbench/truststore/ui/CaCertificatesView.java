package org.certbench.truststore.ui;

/**
 * The model IDs of the CA Certificates view a plug-in's model fragment ({@code fragment.e4xmi}) refers to. A
 * {@code HandledMenuItem} added with {@code featurename="children"} to {@link #CONTEXT_MENU} shows on a right click
 * on the table; added to {@link #MAIN_MENU}, it shows in the main menu bar's "CA Certificates" menu. Its handler
 * receives the {@link CaCertificateSelection}.
 */
public final class CaCertificatesView {

    /** The view (an e4 part in the main part stack). */
    public static final String PART = "org.certbench.truststore.ui.part.certificates"; //$NON-NLS-1$

    /** The table's context menu. */
    public static final String CONTEXT_MENU = "org.certbench.truststore.ui.popup.certificates"; //$NON-NLS-1$

    /** The "CA Certificates" menu of the main menu bar. */
    public static final String MAIN_MENU = "org.certbench.truststore.ui.menu.certificates"; //$NON-NLS-1$

    /** Opens the New CA Certificate wizard. */
    public static final String COMMAND_NEW = "org.certbench.truststore.ui.command.new"; //$NON-NLS-1$

    /** Opens the details of the selected certificates (Enter, double click). */
    public static final String COMMAND_DETAILS = "org.certbench.truststore.ui.command.details"; //$NON-NLS-1$

    /** Exports the selected certificate to a file. */
    public static final String COMMAND_EXPORT = "org.certbench.truststore.ui.command.export"; //$NON-NLS-1$

    /** Deletes the selected certificates after asking (Delete). */
    public static final String COMMAND_DELETE = "org.certbench.truststore.ui.command.delete"; //$NON-NLS-1$

    /** Reloads the store (F5). */
    public static final String COMMAND_RELOAD = "org.certbench.truststore.ui.command.reload"; //$NON-NLS-1$

    /** Copies the selected rows as text (Ctrl+C). */
    public static final String COMMAND_COPY = "org.certbench.truststore.ui.command.copy"; //$NON-NLS-1$

    /** Puts the keyboard focus in the filter (Ctrl+F). */
    public static final String COMMAND_FILTER = "org.certbench.truststore.ui.command.filter"; //$NON-NLS-1$

    private CaCertificatesView() {
    }
}
