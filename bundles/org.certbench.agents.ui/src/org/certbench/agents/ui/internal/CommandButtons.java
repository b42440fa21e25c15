package org.certbench.agents.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.certbench.ui.Buttons;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * The seeds' push buttons, each bound to a command: pressing one runs the command's active handler, as its menu
 * item and key do, and a button is enabled when that handler can execute.
 */
final class CommandButtons {

    private final ECommandService commands;
    private final EHandlerService handlers;
    private final Map<Button, ParameterizedCommand> bound = new LinkedHashMap<>();

    CommandButtons(ECommandService commands, EHandlerService handlers) {
        this.commands = commands;
        this.handlers = handlers;
    }

    Button push(Composite parent, String label, String widgetId, String commandId) {
        ParameterizedCommand command = commands.createCommand(commandId, null);
        Button button = Buttons.push(parent, label, widgetId, () -> {
            if (handlers.canExecute(command)) {
                handlers.executeHandler(command);
            }
        });
        bound.put(button, command);
        return button;
    }

    /** After the selection changed: each button as its command's handler allows. */
    void update() {
        bound.forEach((button, command) -> {
            if (!button.isDisposed()) {
                button.setEnabled(handlers.canExecute(command));
            }
        });
    }
}
