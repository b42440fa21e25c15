package org.certbench.shell.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which word of a line names the command that failed. Gogo tells only the function ({@code number}), and a line
 * may run several commands ({@code ca:list | ca:check}, {@code x = 1; ca:check}), so the first word may be the
 * wrong one: the command is the one {@code scope:function} word of the line with that function, or unknown.
 */
final class CommandWords {

    private static final Pattern WORD = Pattern.compile("[^\\s;|(){}\\[\\]\"']+"); //$NON-NLS-1$

    private CommandWords() {
    }

    /** The command called by {@code function} (Gogo's name or the Java method's); empty when it is not clear. */
    static Optional<String> named(String line, String function) {
        Set<String> functions = functionNames(function);
        Set<String> scoped = new LinkedHashSet<>();
        Set<String> bare = new LinkedHashSet<>();
        Matcher words = WORD.matcher(line);
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            int colon = word.indexOf(':');
            if (colon > 0 && functions.contains(word.substring(colon + 1))) {
                scoped.add(word);
            } else if (functions.contains(word)) {
                bare.add(word);
            }
        }
        if (scoped.size() + bare.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(scoped.isEmpty() ? bare.iterator().next() : scoped.iterator().next());
    }

    /** Gogo calls {@code import} through {@code _import}, {@code name} through {@code getName} and the like. */
    private static Set<String> functionNames(String function) {
        String name = function.toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        if (name.startsWith("_")) { //$NON-NLS-1$
            names.add(name.substring(1));
        }
        for (String prefix : new String[] { "get", "set", "is" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                names.add(name.substring(prefix.length()));
            }
        }
        return names;
    }
}
