package org.certbench.app.internal.layout;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MStackElement;

/**
 * The main views' tabs in one order at every start: CA Certificates, Host Certificates, Agents, then the views of
 * plug-ins as they came, the Audit Log last. Fragments given by the Model-Fragment header are applied in no fixed
 * order, so without this the tabs stood in another order from one start to the next.
 */
final class ViewOrder {

    static final String MAIN_STACK = "org.certbench.app.partstack.main"; //$NON-NLS-1$
    private static final List<String> FIRST = List.of("org.certbench.truststore.ui.part.certificates", //$NON-NLS-1$
            "org.certbench.host.ui.part.hosts", "org.certbench.agents.ui.part.agents"); //$NON-NLS-1$ //$NON-NLS-2$
    private static final String LAST = "org.certbench.app.part.audit"; //$NON-NLS-1$

    private ViewOrder() {
    }

    /** Puts {@code stack}'s views in order; the views of plug-ins keep their order among themselves. */
    static void apply(MPartStack stack) {
        List<MStackElement> ordered = stack.getChildren().stream().sorted(Comparator.comparingInt(ViewOrder::rank))
                .toList();
        for (int index = 0; index < ordered.size(); index++) {
            MStackElement view = ordered.get(index);
            if (stack.getChildren().indexOf(view) != index) {
                stack.getChildren().remove(view);
                stack.getChildren().add(index, view);
            }
        }
    }

    private static int rank(MUIElement view) {
        int first = FIRST.indexOf(view.getElementId());
        if (first >= 0) {
            return first;
        }
        return LAST.equals(view.getElementId()) ? FIRST.size() + 1 : FIRST.size();
    }
}
