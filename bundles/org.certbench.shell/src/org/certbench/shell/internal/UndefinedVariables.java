package org.certbench.shell.internal;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a {@code $name} in a command line that names no variable of the session. Gogo would put null in its
 * place and the command would fail far from the cause (a NullPointerException), so the shell refuses the line
 * first. Quoting follows Gogo's: nothing expands inside single quotes, a backslash keeps the next character.
 */
final class UndefinedVariables {

    private UndefinedVariables() {
    }

    static Optional<String> first(String line, Predicate<String> defined) {
        boolean single = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !single) {
                i++;
            } else if (c == '\'') {
                single = !single;
            } else if (c == '$' && !single) {
                String name = nameAt(line, i + 1);
                if (!name.isEmpty() && !defined.test(name)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code name} of {@code $name} or {@code ${name}}; empty for {@code $(…)} and the like. */
    private static String nameAt(String line, int start) {
        int from = start < line.length() && line.charAt(start) == '{' ? start + 1 : start;
        int end = from;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        return line.substring(from, end);
    }
}
