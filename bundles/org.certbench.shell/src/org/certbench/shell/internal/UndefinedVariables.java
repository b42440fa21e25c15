package org.certbench.shell.internal;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a {@code $name} in a command line that names no variable of the session. Gogo would put null in its
 * place and the command would fail far from the cause (a NullPointerException), so the shell refuses the line
 * first. Quoting follows Gogo's: nothing expands inside single quotes, a backslash keeps the next character.
 * Inside a closure ({@code { … }}) names are left alone: {@code $it}, {@code $args} and {@code $1} are defined
 * only while it runs.
 */
final class UndefinedVariables {

    private UndefinedVariables() {
    }

    static Optional<String> first(String line, Predicate<String> defined) {
        boolean single = false;
        boolean doubled = false;
        int closures = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !single) {
                i++;
            } else if (c == '\'' && !doubled) {
                single = !single;
            } else if (c == '"' && !single) {
                doubled = !doubled;
            } else if (c == '{' && !single && !doubled) {
                closures++;
            } else if (c == '}' && !single && !doubled && closures > 0) {
                closures--;
            } else if (c == '$' && !single) {
                boolean braced = i + 1 < line.length() && line.charAt(i + 1) == '{';
                String name = nameAt(line, i + 1);
                if (closures == 0 && !name.isEmpty() && !defined.test(name)) {
                    return Optional.of(name);
                }
                // past the name, and past ${name}'s braces, which open no closure
                i += name.length() + (braced && !name.isEmpty() ? 2 : 0);
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
