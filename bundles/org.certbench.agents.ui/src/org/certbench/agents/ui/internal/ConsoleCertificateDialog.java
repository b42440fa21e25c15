package org.certbench.agents.ui.internal;

import java.nio.file.Path;

import org.certbench.ui.dialogs.TextToCopyDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

/**
 * Where the console certificate was written, its fingerprint to compare, and the {@code console-authorize} line to
 * run on each agent, in a field that can be selected and copied (the shared {@link TextToCopyDialog}).
 */
public final class ConsoleCertificateDialog {

    public static final String COMMAND_ID = "agents.console.command"; //$NON-NLS-1$

    private ConsoleCertificateDialog() {
    }

    /** Opens the dialog for the certificate written to {@code file}, and returns when it is closed. */
    public static void open(Shell parent, Path file, String fingerprint) {
        new TextToCopyDialog(parent, Messages.Console_title, NLS.bind(Messages.Console_written, file),
                NLS.bind(Messages.Console_explain, fingerprint), authorizeLine(file), COMMAND_ID).open();
    }

    /** {@return the line to run on an agent for {@code file}, quoted where the path has spaces} */
    static String authorizeLine(Path file) {
        String path = file.toString();
        String quoted = path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        return "certbench-agent console-authorize --file " + quoted; //$NON-NLS-1$
    }
}
