package org.certbench.host.ui;

/**
 * The model IDs of the Host Certificates view a plug-in's model fragment ({@code fragment.e4xmi}) refers to. A
 * {@code HandledMenuItem} added with {@code featurename="children"} to {@link #CONTEXT_MENU} shows on a right click
 * on the certificate table; added to {@link #MAIN_MENU}, it shows in the main menu bar's "Host Certificates" menu.
 * Its handler receives the {@link HostServiceSelection}.
 */
public final class HostCertificatesView {

    /** The view (an e4 part in the main part stack). */
    public static final String PART = "org.certbench.host.ui.part.hosts"; //$NON-NLS-1$

    /** The certificate table's context menu. */
    public static final String CONTEXT_MENU = "org.certbench.host.ui.popup.hosts"; //$NON-NLS-1$

    /** The "Host Certificates" menu of the main menu bar. */
    public static final String MAIN_MENU = "org.certbench.host.ui.menu.hosts"; //$NON-NLS-1$

    /** Generates a self-signed certificate for this host and applies it to the selected service, after Save. */
    public static final String COMMAND_GENERATE = "org.certbench.host.ui.command.generate"; //$NON-NLS-1$

    /** Applies an uploaded certificate and key to the selected service. */
    public static final String COMMAND_UPLOAD = "org.certbench.host.ui.command.upload"; //$NON-NLS-1$

    /** Renews the selected service's certificate through an issuer. */
    public static final String COMMAND_RENEW = "org.certbench.host.ui.command.renew"; //$NON-NLS-1$

    /** Gets the selected service's certificate from an ACME CA. */
    public static final String COMMAND_ACME = "org.certbench.host.ui.command.acme"; //$NON-NLS-1$

    /** Reads the services and what the selected one serves again (F5). */
    public static final String COMMAND_REFRESH = "org.certbench.host.ui.command.refresh"; //$NON-NLS-1$

    /** Copies the shown certificate's fields as text (Ctrl+C). */
    public static final String COMMAND_COPY = "org.certbench.host.ui.command.copy"; //$NON-NLS-1$

    /** Opens the selected service's page of Settings > Host Services. */
    public static final String COMMAND_CONFIGURE = "org.certbench.host.ui.command.configure"; //$NON-NLS-1$

    private HostCertificatesView() {
    }
}
