package org.certbench.agent.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.agent.Messages;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ProtocolException;

/**
 * A command's arguments, checked against its options: unknown options, a missing value, an option given
 * twice or a stray argument are refused before the command runs.
 */
final class ParsedArguments {

    private final String command;
    private final Map<String, String> values;
    private final List<String> positionals;
    private final boolean help;

    private ParsedArguments(String command, Map<String, String> values, List<String> positionals, boolean help) {
        this.command = command;
        this.values = values;
        this.positionals = positionals;
        this.help = help;
    }

    static ParsedArguments parse(String command, List<OptionSpec> options, int maxPositionals, List<String> arguments)
            throws ProtocolException {
        Map<String, OptionSpec> known = new HashMap<>();
        options.forEach(option -> known.put(option.name(), option));
        Map<String, String> values = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--help") || argument.equals("-h")) {
                help = true;
                continue;
            }
            if (!argument.startsWith("--")) {
                if (positionals.size() >= maxPositionals) {
                    throw usage("CLI_UNEXPECTED_ARGUMENT", command, argument);
                }
                positionals.add(argument);
                continue;
            }
            int equals = argument.indexOf('=');
            String name = argument.substring(2, equals < 0 ? argument.length() : equals);
            OptionSpec option = known.get(name);
            if (option == null) {
                throw usage("CLI_UNKNOWN_OPTION", command, "--" + name);
            }
            if (values.containsKey(name)) {
                throw usage("CLI_REPEATED_OPTION", command, "--" + name);
            }
            if (!option.takesValue()) {
                if (equals >= 0) {
                    throw usage("CLI_FLAG_WITH_VALUE", command, "--" + name);
                }
                values.put(name, "true");
            } else if (equals >= 0) {
                values.put(name, argument.substring(equals + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.put(name, arguments.get(++i));
            } else {
                throw usage("CLI_MISSING_VALUE", command, "--" + name);
            }
        }
        return new ParsedArguments(command, values, positionals, help);
    }

    boolean help() {
        return help;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws ProtocolException {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw usage("CLI_MISSING_OPTION", command, "--" + name);
        }
        return value;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }

    static ProtocolException usage(String messageKey, Object... arguments) {
        return new ProtocolException(ErrorCode.INVALID_REQUEST, Messages.format(messageKey, arguments));
    }
}
