package org.certbench.app.internal.plugins;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.plugins.PluginException;
import org.certbench.plugins.PluginInfo;
import org.certbench.plugins.Plugins;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The Plug-ins page: the installed plug-ins, Install (checked first, refusals in words) and Remove. */
final class PluginsDialog extends TitleAreaDialog {

    static final String TABLE_ID = "plugins.table"; //$NON-NLS-1$
    static final int INSTALL_ID = IDialogConstants.CLIENT_ID + 1;
    static final int REMOVE_ID = IDialogConstants.CLIENT_ID + 2;

    private final Plugins plugins;
    private Table table;

    PluginsDialog(Shell parent, Plugins plugins) {
        super(parent);
        this.plugins = plugins;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Plugins_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Plugins_title);
        setMessage(Messages.Plugins_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().applyTo(body);
        table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(WidgetIds.KEY, TABLE_ID);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 200).applyTo(table);
        column(Messages.Plugins_name, 280);
        column(Messages.Plugins_version, 140);
        column(Messages.Plugins_state, 140);
        refresh();
        return area;
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    private void refresh() {
        table.removeAll();
        for (PluginInfo plugin : plugins.list()) {
            new TableItem(table, SWT.NONE).setText(new String[] { plugin.name(), plugin.version(), plugin.state() });
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, INSTALL_ID, Messages.Plugins_install, false);
        createButton(parent, REMOVE_ID, Messages.Plugins_remove, false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == INSTALL_ID) {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.jar" }); //$NON-NLS-1$
            String chosen = dialog.open();
            if (chosen != null) {
                install(Path.of(chosen));
            }
        } else if (buttonId == REMOVE_ID) {
            remove();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Checking a plug-in resolves it in the framework: off the UI thread. */
    void install(Path jar) {
        PluginInfo[] installed = new PluginInfo[1];
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(Messages.Plugins_installing, IProgressMonitor.UNKNOWN);
                try {
                    installed[0] = plugins.install(jar);
                } catch (PluginException e) {
                    throw new InvocationTargetException(e);
                }
            });
            setErrorMessage(null);
            setMessage(NLS.bind(Messages.Plugins_installed, installed[0].name(), installed[0].version()),
                    IMessageProvider.INFORMATION);
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refresh();
    }

    private void remove() {
        int index = table.getSelectionIndex();
        if (index < 0) {
            return;
        }
        try {
            plugins.remove(table.getItem(index).getText(0));
            setErrorMessage(null);
        } catch (PluginException e) {
            setErrorMessage(e.getMessage());
        }
        refresh();
    }

}
