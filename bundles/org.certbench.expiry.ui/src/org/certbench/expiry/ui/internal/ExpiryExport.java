package org.certbench.expiry.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;

import org.certbench.core.AtomicFiles;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Writes the overview as CSV to a file in a Job (reading it may wait for host services' handshakes); core's
 * {@link AtomicFiles} writes it, so a failed export never leaves half a file. The outcome is told in a dialog.
 */
final class ExpiryExport {

    private ExpiryExport() {
    }

    static Job schedule(ExpiryOverview overview, Path file, Shell shell) {
        Display display = shell.getDisplay();
        Job job = Job.create(Messages.Job_export, monitor -> {
            SubMonitor.convert(monitor, Messages.Job_export, 1);
            ExpiryList list = overview.rows();
            IStatus status;
            String title;
            String text;
            try {
                // the shell's lines: expiry:list --csv and this export read the same
                byte[] csv = org.certbench.expiry.internal.commands.ExpiryLine.csv(list.rows())
                        .getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, csv);
                title = Messages.Export_doneTitle;
                text = doneText(list.rows().size(), file);
                if (!list.problems().isEmpty()) {
                    text += "\n\n" + NLS.bind(Messages.Part_problems, String.join("\n", list.problems())); //$NON-NLS-1$ //$NON-NLS-2$
                }
                status = Status.OK_STATUS;
            } catch (IOException e) {
                title = Messages.Error_title;
                text = NLS.bind(Messages.Export_failed, file, e.getMessage());
                status = Status.error(text, e);
            }
            String shownTitle = title;
            String shownText = text;
            boolean failed = !status.isOK();
            display.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    if (failed) {
                        MessageDialog.openError(shell, shownTitle, shownText);
                    } else {
                        MessageDialog.openInformation(shell, shownTitle, shownText);
                    }
                }
            });
            return status;
        });
        job.schedule();
        return job;
    }

    /** {@return "The one certificate of the overview was written to …", "The 4 certificates …" (a choice)} */
    static String doneText(int certificates, Path file) {
        return MessageFormat.format(Messages.Export_done, certificates, file);
    }
}
