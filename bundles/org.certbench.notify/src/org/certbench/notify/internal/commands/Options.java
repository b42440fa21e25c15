package org.certbench.notify.internal.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certbench.core.commands.CommandException;
import org.certbench.notify.internal.Messages;
import org.eclipse.osgi.util.NLS;

/**
 * The arguments of {@code notify:email} and {@code notify:webhook}: positional ones, options with one value, flags,
 * and {@code --to} with several values (up to the next option), which Gogo's own parameters cannot take.
 */
final class Options {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new HashMap<>();

    Options(String[] arguments, Set<String> withValue, Set<String> multiple, Set<String> flags) {
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (!argument.startsWith("--")) { //$NON-NLS-1$
                positional.add(argument);
            } else if (flags.contains(argument)) {
                values.computeIfAbsent(argument, k -> new ArrayList<>());
            } else if (multiple.contains(argument)) {
                List<String> list = values.computeIfAbsent(argument, k -> new ArrayList<>());
                while (i + 1 < arguments.length && !arguments[i + 1].startsWith("--")) { //$NON-NLS-1$
                    list.add(arguments[++i]);
                }
                if (list.isEmpty()) {
                    throw new CommandException(NLS.bind(Messages.Cmd_missingValue, argument));
                }
            } else if (withValue.contains(argument)) {
                if (i + 1 >= arguments.length) {
                    throw new CommandException(NLS.bind(Messages.Cmd_missingValue, argument));
                }
                values.put(argument, List.of(arguments[++i]));
            } else {
                throw new CommandException(NLS.bind(Messages.Cmd_unknownOption, argument));
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    String value(String option) {
        List<String> list = values.get(option);
        return list == null ? null : list.get(0);
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    String required(String option) {
        String value = value(option);
        if (value == null) {
            throw new CommandException(NLS.bind(Messages.Cmd_missing, option));
        }
        return value;
    }
}
