package org.certbench.app.internal.messages;

import org.eclipse.e4.core.di.annotations.Execute;

/**
 * Ctrl+F in the System messages view: the keyboard focus goes to the filter, its text selected to be typed over. It
 * needs no selection, so Window &gt; Filter System Messages runs it from any view: the System messages view is shown
 * first, also after it was closed.
 */
public final class FilterMessagesHandler {

    @Execute
    public void execute(MessagesPartOpener opener) {
        if (opener.open() instanceof MessagesPart view) {
            view.focusFilter();
        }
    }
}
