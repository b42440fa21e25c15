package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell's own options ({@code --json}) and the command line that follows them. Several words after
 * the options are joined with spaces, so {@code certbench-shell ca:list} and
 * {@code certbench-shell 'ca:list'} mean the same.
 */
record ShellArguments(boolean json, String commandLine) {

    static ShellArguments parse(String[] args) {
        boolean json = false;
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (words.isEmpty() && "--json".equals(arg)) {
                json = true;
            } else if (words.isEmpty() && arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (the shell takes --json before the command; --home DIR goes first, to the launcher)");
            } else {
                words.add(arg);
            }
        }
        return new ShellArguments(json, String.join(" ", words).strip());
    }
}
