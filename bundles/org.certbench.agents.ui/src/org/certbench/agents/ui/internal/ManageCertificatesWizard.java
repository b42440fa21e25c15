package org.certbench.agents.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.BiFunction;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.Renewals;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;

/**
 * "Manage certificates..." for the selected agents, the second seed's paths: Generate CSRs (step 1), Apply
 * Certificates (step 3, with Verify Files first and retry of failures), or back to self-signed certificates.
 * Every batch runs off the UI thread with progress and Cancel, and shows a result per agent.
 */
public final class ManageCertificatesWizard extends Wizard {

    private final AgentFleet fleet;
    private final List<String> agents;
    private final ChoosePathPage choose;
    private final CsrPage csr;
    private final ApplyPage apply;
    private final SelfSignedPage selfSigned;
    private final IssuePage issue;

    public ManageCertificatesWizard(AgentFleet fleet, List<String> agents) {
        this(fleet, agents, null, null);
    }

    /**
     * The wizard with "Issue with an issuer" beside the seed's paths when renewal's services are given.
     *
     * @param renewals issues and applies through an issuer; null to leave the choice out
     * @param issuers the issuers to pick from; null to leave the choice out
     */
    public ManageCertificatesWizard(AgentFleet fleet, List<String> agents, Renewals renewals, Issuers issuers) {
        this.fleet = fleet;
        this.agents = List.copyOf(agents);
        setWindowTitle(Messages.Wizard_title);
        setNeedsProgressMonitor(true);
        boolean canIssue = renewals != null && issuers != null;
        choose = new ChoosePathPage(this.agents.size(), canIssue);
        issue = canIssue ? new IssuePage(this, renewals, issuers) : null;
        csr = new CsrPage(this);
        apply = new ApplyPage(this);
        selfSigned = new SelfSignedPage(this);
    }

    @Override
    public void addPages() {
        addPage(choose);
        addPage(csr);
        addPage(apply);
        addPage(selfSigned);
        if (issue != null) {
            addPage(issue);
        }
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page != choose) {
            return null;
        }
        return switch (choose.path()) {
        case CSR -> csr;
        case APPLY -> apply;
        case SELF_SIGNED -> selfSigned;
        case ISSUE -> issue;
        };
    }

    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() != choose;
    }

    @Override
    public boolean performFinish() {
        return true;
    }

    AgentFleet fleet() {
        return fleet;
    }

    List<String> agents() {
        return agents;
    }

    /** Runs one batch over {@code names} in the wizard's progress area, cancellable; null if interrupted. */
    <T> BatchResult<T> run(List<String> names, BiFunction<List<String>, BatchMonitor, BatchResult<T>> batch) {
        @SuppressWarnings("unchecked")
        BatchResult<T>[] result = new BatchResult[1];
        try {
            getContainer().run(true, true, monitor -> result[0] = batch.apply(names, new BatchProgress(monitor)));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result[0];
    }
}
