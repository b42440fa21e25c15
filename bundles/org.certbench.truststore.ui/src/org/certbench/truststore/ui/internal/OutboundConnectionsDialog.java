package org.certbench.truststore.ui.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.certbench.core.WidgetIds;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.certbench.truststore.ConnectionCheck;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The proxy of CertBench's outbound connections, and Test connection: connects to a URL through it, verified
 * against the CA certificates only, and says in words what happened.
 */
final class OutboundConnectionsDialog extends FormDialog {

    static final String PROXY_HOST_ID = "net.proxy.host"; //$NON-NLS-1$
    static final String PROXY_PORT_ID = "net.proxy.port"; //$NON-NLS-1$
    static final String URL_ID = "net.url"; //$NON-NLS-1$
    static final String TEST_ID = "net.test"; //$NON-NLS-1$
    static final String RESULT_ID = "net.result"; //$NON-NLS-1$

    private final OutboundTls tls;
    private final UISynchronize sync;
    private Text host;
    private Text port;
    private Text url;
    private Text result;

    OutboundConnectionsDialog(Shell parent, OutboundTls tls, UISynchronize sync) {
        super(parent, Messages.Net_title, Messages.Net_description);
        this.tls = tls;
        this.sync = sync;
    }

    @Override
    protected int columns() {
        return 3;
    }

    @Override
    protected void createRows(Composite form) {
        ProxySettings proxy = tls.proxy();
        host = FieldRows.text(form, Messages.Net_proxyHost, PROXY_HOST_ID, proxy.isDirect() ? "" : proxy.host()); //$NON-NLS-1$
        host.setMessage(Messages.Net_proxyNone);
        port = FieldRows.text(form, Messages.Net_proxyPort, PROXY_PORT_ID,
                proxy.isDirect() ? "" : Integer.toString(proxy.port())); //$NON-NLS-1$
        new Label(form, SWT.NONE).setText(Messages.Net_url);
        url = new Text(form, SWT.BORDER);
        url.setText("https://"); //$NON-NLS-1$
        url.setData(WidgetIds.KEY, URL_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(url);
        Button test = new Button(form, SWT.PUSH);
        test.setText(Messages.Net_test);
        test.setData(WidgetIds.KEY, TEST_ID);
        test.addListener(SWT.Selection, event -> testConnection());
        result = new Text(form, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.BORDER);
        result.setData(WidgetIds.KEY, RESULT_ID);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(520, 90).applyTo(result);
        checkOnChange(host, port);
    }

    @Override
    protected String problem() {
        try {
            proxyFromFields();
            return null;
        } catch (IllegalArgumentException e) {
            // a port out of range is refused by ProxySettings in programmers' words: the administrator reads these
            return Messages.Net_badPort;
        }
    }


    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Net_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check();
    }

    @Override
    protected void okPressed() {
        try {
            tls.setProxy(proxyFromFields());
            super.okPressed();
        } catch (IllegalArgumentException | TrustStoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** Tests with the proxy as typed, saving it first: what is tested is what outbound connections use. */
    private void testConnection() {
        URI target;
        try {
            tls.setProxy(proxyFromFields());
            target = new URI(url.getText().strip());
        } catch (IllegalArgumentException | TrustStoreException e) {
            setErrorMessage(e.getMessage());
            return;
        } catch (URISyntaxException e) {
            setErrorMessage(NLS.bind(Messages.Net_badUrl, e.getInput()));
            return;
        }
        setErrorMessage(null);
        result.setText(NLS.bind(Messages.Net_testing, target));
        Job.create(Messages.Net_testing_job, monitor -> {
            ConnectionCheck check = tls.check(target);
            sync.asyncExec(() -> {
                if (!result.isDisposed()) {
                    result.setText((check.success() ? "\u2714 " : "\u2716 ") + check.message()); //$NON-NLS-1$ //$NON-NLS-2$
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private ProxySettings proxyFromFields() {
        String proxyHost = host.getText().strip();
        if (proxyHost.isEmpty()) {
            return ProxySettings.NONE;
        }
        try {
            return new ProxySettings(proxyHost, Integer.parseInt(port.getText().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.Net_badPort, e);
        }
    }
}
