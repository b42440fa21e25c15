package org.certbench.app.internal.messages;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F in the System messages view: the keyboard focus goes to the filter, its text selected to be typed over. It
 * needs no selection, so Window &gt; Filter System Messages runs it from any view: the System messages view is shown
 * first, also after it was closed.
 */
public final class FilterMessagesHandler {

    @Execute
    public void execute(MessagesPartOpener opener, EPartService parts) {
        opener.open();
        MPart part = parts.findPart(MessagesPartOpener.PART_ID);
        if (part != null && part.getObject() instanceof MessagesPart view) {
            view.focusFilter();
        }
    }
}
