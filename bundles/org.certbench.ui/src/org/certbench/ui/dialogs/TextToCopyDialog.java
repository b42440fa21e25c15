package org.certbench.ui.dialogs;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * What a command wrote and the text the administrator copies from it into another program (the line to run on each
 * agent, lines of haproxy.cfg): under a title, what was written where, why and what to do, then the text in a
 * read-only field to select and copy, and Close. Every line reads whole: long paths and lines wrap (a copy keeps each
 * line as it is), and the field scrolls when it holds more lines than it shows; the dialog can be made larger.
 */
public final class TextToCopyDialog extends TitleAreaDialog {

    /** The widget id of the line saying what was written where. */
    public static final String DONE_ID = "textToCopy.done"; //$NON-NLS-1$
    /** The widget id of the explanation. */
    public static final String EXPLANATION_ID = "textToCopy.explanation"; //$NON-NLS-1$

    private static final int WIDTH_IN_CHARS = 90;
    private static final int MOST_LINES_SHOWN = 12;

    private final String title;
    private final String done;
    private final String explanation;
    private final String text;
    private final String textId;

    /**
     * A dialog showing {@code text} to copy, opened by {@link #open()}.
     *
     * @param parent      the window it belongs to
     * @param title       the window's and the title area's title
     * @param done        what was written where, e.g. "Wrote 2 certificates to /etc/haproxy/agents-ca.pem."
     * @param explanation why, and what the administrator does with the text
     * @param text        the text to copy, one or more lines
     * @param textId      the widget id of the field holding {@code text} (for tests and screen readers' tools)
     */
    public TextToCopyDialog(Shell parent, String title, String done, String explanation, String text,
            String textId) {
        super(parent);
        this.title = title;
        this.done = done;
        this.explanation = explanation;
        this.text = text;
        this.textId = textId;
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
        setTitle(title);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        int width = convertWidthInCharsToPixels(WIDTH_IN_CHARS);
        wrapped(body, done, DONE_ID, width);
        wrapped(body, explanation, EXPLANATION_ID, width);
        Text field = new Text(body, SWT.BORDER | SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        field.setFont(JFaceResources.getTextFont());
        field.setText(text);
        field.setData(WidgetIds.KEY, textId);
        int allLines = field.computeSize(width, SWT.DEFAULT).y;
        int mostLines = field.getLineHeight() * MOST_LINES_SHOWN;
        GridDataFactory.fillDefaults().grab(true, true).hint(width, Math.min(allLines, mostLines)).applyTo(field);
        return area;
    }

    private static void wrapped(Composite body, String words, String id, int width) {
        Label label = new Label(body, SWT.WRAP);
        label.setText(words);
        label.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(label);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
