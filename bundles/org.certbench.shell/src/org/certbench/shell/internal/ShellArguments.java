package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;

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
                throw new IllegalArgumentException(NLS.bind(Messages.Shell_unknownOption, arg));
            } else {
                words.add(arg);
            }
        }
        // listing and details commands take --json after them too ("ca:list --json"): it is the shell's option,
        // not the command's, so it is taken out of the command line wherever it stands
        String line = String.join(" ", words).strip();
        if (line.matches("(?s).*(^|\\s)--json(\\s|$).*")) {
            json = true;
            line = line.replaceAll("(^|\\s)--json(?=\\s|$)", "").strip();
        }
        return new ShellArguments(json, line);
    }
}
