package org.certbench.notify.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.notify.Channel;
import org.certbench.notify.Notifications;
import org.certbench.notify.NotifyException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Settings > Notifications: the channels as {@code notify:list} shows them, Add Email / Add Webhook, Remove and Send
 * Test. Everything that reads the home or connects runs in a Job; its outcome, in the service's words, goes to the
 * line under the table ({@code ✔}/{@code ✖}).
 */
final class NotificationsDialog extends TitleAreaDialog {

    static final String TABLE_ID = "notify.channels"; //$NON-NLS-1$
    static final String RESULT_ID = "notify.result"; //$NON-NLS-1$
    static final String ADD_EMAIL_ID = "notify.addEmail"; //$NON-NLS-1$
    static final String ADD_WEBHOOK_ID = "notify.addWebhook"; //$NON-NLS-1$
    static final String REMOVE_ID = "notify.remove"; //$NON-NLS-1$
    static final String TEST_ID = "notify.test"; //$NON-NLS-1$
    static final String SUCCESS = "\u2714 "; //$NON-NLS-1$
    static final String FAILURE = "\u2716 "; //$NON-NLS-1$

    private final Notifications notifications;
    private List<Channel> channels;
    private final String problem;
    private Table table;
    private Text result;
    private final List<Button> actions = new ArrayList<>();

    /** {@code channels}: read before (not on the UI thread); {@code problem}: why they could not be, or null. */
    NotificationsDialog(Shell parent, Notifications notifications, List<Channel> channels, String problem) {
        super(parent);
        this.notifications = notifications;
        this.channels = List.copyOf(channels);
        this.problem = problem;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Dialog_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Dialog_heading);
        setMessage(Messages.Dialog_description);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        table = new Table(form, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(WidgetIds.KEY, TABLE_ID);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(720, 180).applyTo(table);
        for (String title : List.of(Messages.Column_name, Messages.Column_kind, Messages.Column_target,
                Messages.Column_secret, Messages.Column_waiting, Messages.Column_failure)) {
            new TableColumn(table, SWT.NONE).setText(title);
        }
        Composite buttons = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        button(buttons, Messages.Button_addEmail, ADD_EMAIL_ID, () -> add(true));
        button(buttons, Messages.Button_addWebhook, ADD_WEBHOOK_ID, () -> add(false));
        button(buttons, Messages.Button_remove, REMOVE_ID, this::remove);
        button(buttons, Messages.Button_test, TEST_ID, this::test);
        result = new Text(form, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        result.setData(WidgetIds.KEY, RESULT_ID);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(720, SWT.DEFAULT).applyTo(result);
        show(channels);
        if (problem != null) {
            result.setText(FAILURE + problem);
        }
        return area;
    }

    private void button(Composite parent, String label, String id, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetIds.KEY, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        actions.add(button);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private void show(List<Channel> shown) {
        channels = List.copyOf(shown);
        table.removeAll();
        for (Channel channel : channels) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { channel.name(), channel.kind(), channel.target(),
                    channel.secretSet() ? Messages.Secret_set : Messages.Secret_none, String.valueOf(channel.waiting()),
                    channel.failure() });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }

    private Channel selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= channels.size() ? null : channels.get(index);
    }

    private void add(boolean email) {
        if (new ChannelDialog(getShell(), notifications, email).open() == OK) {
            run(Messages.Job_load, () -> null);
        }
    }

    private void remove() {
        Channel channel = selected();
        if (channel != null) {
            run(Messages.Job_remove, () -> {
                notifications.remove(channel.name());
                return NLS.bind(Messages.Removed, channel.name());
            });
        }
    }

    private void test() {
        Channel channel = selected();
        if (channel != null) {
            result.setText(NLS.bind(Messages.Testing, channel.name()));
            run(Messages.Job_test, () -> notifications.test(channel.name()));
        }
    }

    /** Work that may fail in words. */
    @FunctionalInterface
    private interface Work {
        /** @return what to say on success, or null for nothing */
        String run() throws NotifyException;
    }

    /** The work in a Job, then the channels read again; the buttons wait meanwhile. */
    private void run(String name, Work work) {
        actions.forEach(button -> button.setEnabled(false));
        Display display = getShell().getDisplay();
        Job.create(name, monitor -> {
            String said;
            try {
                String done = work.run();
                said = done == null ? null : SUCCESS + done;
            } catch (NotifyException e) {
                said = FAILURE + e.getMessage();
            }
            List<Channel> now;
            try {
                now = notifications.channels();
            } catch (NotifyException e) {
                now = channels;
                said = FAILURE + e.getMessage();
            }
            List<Channel> shown = now;
            String text = said;
            display.asyncExec(() -> {
                if (table.isDisposed()) {
                    return;
                }
                show(shown);
                if (text != null) {
                    result.setText(text);
                }
                actions.forEach(button -> button.setEnabled(true));
            });
        }).schedule();
    }
}
