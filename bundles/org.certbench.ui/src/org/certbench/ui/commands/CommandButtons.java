package org.certbench.ui.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.certbench.ui.Buttons;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * A view's push buttons bound to commands: a button runs its command (the same handler its menu item and key run)
 * and {@link #update()} enables each button whose handler can run now. The view supplies how a command runs and is
 * asked (through e4's {@code EHandlerService} in its part's context), so this class needs no workbench.
 */
public final class CommandButtons {

    private final Predicate<String> canRun;
    private final Consumer<String> run;
    private final Map<Button, String> commands = new LinkedHashMap<>();

    /**
     * Buttons that ask and run commands through the two functions given, usually e4's {@code EHandlerService}.
     *
     * @param canRun whether the handler of the command with this ID can run now
     * @param run    runs the handler of the command with this ID
     */
    public CommandButtons(Predicate<String> canRun, Consumer<String> run) {
        this.canRun = canRun;
        this.run = run;
    }

    /** {@return a push button with this label and widget id that runs the command {@code commandId}} */
    public Button add(Composite parent, String label, String widgetId, String commandId) {
        Button button = Buttons.push(parent, label, widgetId, () -> run.accept(commandId));
        commands.put(button, commandId);
        button.addDisposeListener(event -> commands.remove(button));
        button.setEnabled(canRun.test(commandId));
        return button;
    }

    /** Enables each button whose command can run now (after the selection changed). */
    public void update() {
        commands.forEach((button, command) -> button.setEnabled(canRun.test(command)));
    }
}
