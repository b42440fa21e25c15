package org.certbench.shell.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds a {@code $name} in a command line that names no variable of the session. Gogo would put null in its
 * place and the command would fail far from the cause (a NullPointerException), so the shell refuses the line
 * first. Quoting follows Gogo's: nothing expands inside single quotes, a backslash keeps the next character.
 * Inside a closure ({@code { … }}) names are left alone: {@code $it}, {@code $args} and {@code $1} are defined
 * only while it runs. A name assigned at the start of a statement ({@code x = 1; echo $x}) is defined for the
 * rest of the line. A refused line that Gogo would have run is worse than a missed one, so whatever is not
 * plainly a use ({@code ${x:-default}}, {@code ${x+alt}}, {@code ${x[0]}}) is left to Gogo.
 */
final class UndefinedVariables {

    private UndefinedVariables() {
    }

    static Optional<String> first(String line, Predicate<String> defined) {
        Set<String> assigned = new HashSet<>();
        Predicate<String> known = name -> assigned.contains(name) || defined.test(name);
        boolean single = false;
        boolean doubled = false;
        boolean statementStart = true;
        int closures = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean unquoted = !single && !doubled;
            if (statementStart && unquoted && closures == 0) {
                if (c == ' ' || c == '\t') {
                    continue;
                }
                statementStart = false;
                String name = nameAt(line, i);
                if (!name.isEmpty() && isAssignment(line, i + name.length())) {
                    assigned.add(name);
                    i += name.length() - 1;
                    continue;
                }
            }
            if (c == '\\' && !single) {
                i++;
            } else if (c == '\'' && !doubled) {
                single = !single;
            } else if (c == '"' && !single) {
                doubled = !doubled;
            } else if (c == '{' && unquoted) {
                closures++;
            } else if (c == '}' && unquoted && closures > 0) {
                closures--;
            } else if (c == '$' && !single) {
                if (i + 1 < line.length() && line.charAt(i + 1) == '{') {
                    String name = nameAt(line, i + 2);
                    int after = i + 2 + name.length();
                    boolean plainUse = !name.isEmpty() && after < line.length() && line.charAt(after) == '}';
                    if (closures == 0 && plainUse && !known.test(name)) {
                        return Optional.of(name);
                    }
                    // ${…} opens no closure: go on after its own closing brace, whatever is inside
                    i = closingBrace(line, i + 1);
                } else {
                    String name = nameAt(line, i + 1);
                    if (closures == 0 && !name.isEmpty() && !known.test(name)) {
                        return Optional.of(name);
                    }
                    i += name.length();
                }
            } else if (unquoted && closures == 0 && (c == ';' || c == '|' || c == '(' || c == '\n')) {
                statementStart = true;
            }
        }
        return Optional.empty();
    }

    /** {@code name =} (Gogo's assignment), not {@code name ==}. */
    private static boolean isAssignment(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '='
                && (i + 1 == line.length() || line.charAt(i + 1) != '=');
    }

    private static String nameAt(String line, int start) {
        int end = start;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        return line.substring(start, end);
    }

    /** The index of the brace that closes the one at {@code open}; the line's end when none does. */
    private static int closingBrace(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return line.length();
    }
}
