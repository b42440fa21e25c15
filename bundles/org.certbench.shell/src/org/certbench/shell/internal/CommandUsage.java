package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code help NAME} answers for one command: as a record for {@code --json}, as the usual usage text
 * for people ({@link #text()}, which the shell's converter prints).
 *
 * @param usage   one line per way to call it ("ca:export [--der] ID FILE")
 * @param options what each option and argument means, one per line
 */
public record CommandUsage(String name, String description, List<String> usage, List<String> options) {

    static CommandUsage of(CommandTexts command) {
        return new CommandUsage(command.name(), command.description(), command.calls(), command.options());
    }

    String text() {
        List<String> lines = new ArrayList<>(usage);
        lines.add("    " + description); //$NON-NLS-1$
        options.forEach(option -> lines.add("    " + option)); //$NON-NLS-1$
        return String.join("\n", lines); //$NON-NLS-1$
    }
}
