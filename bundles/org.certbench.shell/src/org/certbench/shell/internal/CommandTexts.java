package org.certbench.shell.internal;

import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.certbench.core.commands.CommandHelp;

/**
 * One command as {@code help} shows it.
 *
 * @param usages  the argument lists it takes, one per way to call it ("" for none); empty when unknown
 * @param options what each option and argument means, one per line
 */
record CommandTexts(String scope, String function, String description, List<String> usages, List<String> options,
        boolean described) {

    static CommandTexts of(String scope, String function, ResourceBundle texts) {
        String description = text(texts, function);
        String usage = text(texts, function + CommandHelp.USAGE_SUFFIX);
        String options = text(texts, function + CommandHelp.OPTIONS_SUFFIX);
        return new CommandTexts(scope, function, description == null ? Messages.Help_noDescription : description,
                usage == null ? List.of() : usage.lines().toList().isEmpty() ? List.of("") : usage.lines().toList(),
                options == null ? List.of() : options.lines().filter(line -> !line.isBlank()).toList(),
                description != null);
    }

    String name() {
        return scope + ":" + function; //$NON-NLS-1$
    }

    /** "ca:export [--der] ID FILE", one line per way to call it; the bare name when the bundle says nothing. */
    List<String> calls() {
        if (usages.isEmpty()) {
            return List.of(name());
        }
        return usages.stream().map(arguments -> (name() + " " + arguments).strip()).toList(); //$NON-NLS-1$
    }

    private static String text(ResourceBundle texts, String key) {
        if (texts == null) {
            return null;
        }
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
