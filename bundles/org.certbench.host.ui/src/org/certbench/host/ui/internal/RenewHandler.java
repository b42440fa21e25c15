package org.certbench.host.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.certbench.crypto.CertificateSummary;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.ui.HostServiceSelection;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.HostRenewer;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicies;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Renew with issuer… (any issuer of host certificates) or Get from ACME CA… (the ACME issuers only): pick an issuer
 * (the host policy's first), then the renewal runs off the UI thread in a progress dialog whose Cancel stops it
 * before anything is installed.
 */
abstract class RenewHandler extends ConfiguredServiceHandler {

    /** {@link org.certbench.issuers.Issuer#type()} of the issuers "Get from ACME CA…" offers. */
    private static final String ACME_TYPE = "acme"; //$NON-NLS-1$

    private final boolean acmeOnly;

    RenewHandler(boolean acmeOnly) {
        this.acmeOnly = acmeOnly;
    }

    /**
     * The renewal, issuer and policy services come as parameters, not injected fields: e4 creates every handler when
     * the window starts, and a field would make SCR start them (and what they need) before the window shows. Renewal
     * through an issuer needs the renewal and issuers bundles installed.
     */
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, HostServiceSelection selection,
            HostCertificatesPart view, @Optional @Service HostRenewer renewer, @Optional @Service Issuers issuers,
            @Optional @Service RenewalPolicies policies) {
        if (renewer == null || issuers == null) {
            MessageDialog.openError(shell, Messages.Error_title, Messages.Renew_unavailable);
            return;
        }
        List<RenewDialog.Choice> choices = issuers.list().stream().filter(each -> each.kinds().contains(IssueKind.HOST))
                .filter(each -> !acmeOnly || ACME_TYPE.equals(each.type()))
                .map(each -> new RenewDialog.Choice(each.name(), each.description())).toList();
        if (choices.isEmpty()) {
            MessageDialog.openError(shell, Messages.Error_title, acmeOnly ? Messages.Acme_noIssuers
                    : Messages.Renew_noIssuers);
            return;
        }
        String service = selection.service().displayName();
        String preselected = policies == null ? null : policies.policy(IssueKind.HOST).issuer().orElse(null);
        RenewDialog dialog = new RenewDialog(shell, acmeOnly ? Messages.Acme_title : Messages.Renew_title, service,
                choices, preselected);
        if (dialog.open() != 0) {
            return;
        }
        String id = selection.service().id();
        String issuer = dialog.chosen();
        ApplyResult[] result = new ApplyResult[1];
        try {
            new ProgressMonitorDialog(shell).run(true, true, monitor -> {
                monitor.beginTask(NLS.bind(Messages.Job_renew, service, issuer), IProgressMonitor.UNKNOWN);
                try {
                    result[0] = renewer.renew(id, issuer, new JobMonitor(monitor));
                } catch (HostCertificateException | RenewalException e) {
                    throw new InvocationTargetException(e, e.getMessage());
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            view.showSelected();
            MessageDialog.openError(shell, Messages.Error_title, e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        view.showSelected();
        CertificateSummary applied = result[0].applied().summary();
        MessageDialog.openInformation(shell, Messages.Done_title, NLS.bind(Messages.Done_renewed,
                new Object[] { service, applied.commonName(), applied.sha256Fingerprint(), issuer }));
    }
}
