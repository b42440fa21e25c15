package org.certbench.crypto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.certbench.crypto.internal.Messages;

/** The rows {@link CertificateDetailsContributor}s add to a details view of one or several certificates. */
public final class ContributedDetails {

    private ContributedDetails() {
    }

    /**
     * The contributed rows for a selection: for one certificate all of them, for several only the rows (label and
     * text) that every certificate gets, in the contributors' order. A contributor that throws gives one row
     * naming it and what went wrong, so the view still shows everything else.
     */
    public static List<CertificateDetail> forSelection(List<Certificate> selection,
            Collection<? extends CertificateDetailsContributor> contributors) {
        return forSelection(selection, contributors, () -> false);
    }

    /**
     * As {@link #forSelection(List, Collection)}, stopping between two questions once {@code stop} says so (the
     * view has moved on); what was gathered until then is returned.
     */
    public static List<CertificateDetail> forSelection(List<Certificate> selection,
            Collection<? extends CertificateDetailsContributor> contributors, BooleanSupplier stop) {
        List<CertificateDetail> rows = new ArrayList<>();
        for (CertificateDetailsContributor contributor : contributors) {
            Set<CertificateDetail> common = null;
            for (Certificate certificate : selection) {
                if (stop.getAsBoolean()) {
                    return rows;
                }
                Set<CertificateDetail> own = new LinkedHashSet<>(ask(contributor, certificate));
                if (common == null) {
                    common = own;
                } else {
                    common.retainAll(own);
                }
                if (common.isEmpty()) {
                    break;
                }
            }
            if (common != null) {
                rows.addAll(common);
            }
        }
        return rows;
    }

    private static List<CertificateDetail> ask(CertificateDetailsContributor contributor, Certificate certificate) {
        try {
            List<CertificateDetail> details = contributor.details(certificate);
            // a null row would only fail later, on the UI thread
            return details == null ? List.of() : details.stream().filter(Objects::nonNull).toList();
        } catch (RuntimeException | LinkageError e) {
            // a plug-in's bug must not take the details view down with it
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(new CertificateDetail(nameOf(contributor), Messages.format("CONTRIBUTOR_FAILED", reason))); //$NON-NLS-1$
        }
    }

    private static String nameOf(CertificateDetailsContributor contributor) {
        String name;
        try {
            name = contributor.name();
        } catch (RuntimeException e) {
            name = null;
        }
        return name == null || name.isBlank() ? contributor.getClass().getName() : name;
    }
}
