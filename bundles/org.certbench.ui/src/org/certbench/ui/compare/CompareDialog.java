package org.certbench.ui.compare;

import org.certbench.crypto.Certificate;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** A dialog with a {@link CertificateComparison} of two certificates and a Close button. */
public final class CompareDialog extends Dialog {

    /** The widget id of the comparison's table. */
    public static final String TABLE_ID = "compare.table"; //$NON-NLS-1$
    /** The widget id of the line counting the differing fields. */
    public static final String SUMMARY_ID = "compare.summary"; //$NON-NLS-1$

    private final String title;
    private final String leftTitle;
    private final Certificate left;
    private final String rightTitle;
    private final Certificate right;

    /**
     * A comparison of {@code left} and {@code right}, opened by {@link #open()}.
     *
     * @param parent     the window it belongs to
     * @param title      the dialog's title
     * @param leftTitle  the left column's title
     * @param left       the left certificate
     * @param rightTitle the right column's title
     * @param right      the right certificate
     */
    public CompareDialog(Shell parent, String title, String leftTitle, Certificate left, String rightTitle,
            Certificate right) {
        super(parent);
        this.title = title;
        this.leftTitle = leftTitle;
        this.left = left;
        this.rightTitle = rightTitle;
        this.right = right;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        CertificateComparison comparison = new CertificateComparison(area, TABLE_ID, SUMMARY_ID);
        GridDataFactory.fillDefaults().grab(true, true).hint(1180, 470).applyTo(comparison.table());
        comparison.show(leftTitle, left, rightTitle, right);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
