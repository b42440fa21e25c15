package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;

/**
 * The shell's own options ({@code --json}, {@code --csv}) and the command line that follows them. Several words
 * after the options are joined with spaces, so {@code certbench-shell ca:list} and
 * {@code certbench-shell 'ca:list'} mean the same.
 */
record ShellArguments(OutputFormat format, String commandLine) {

    private static final String JSON = "--json"; //$NON-NLS-1$
    private static final String CSV = "--csv"; //$NON-NLS-1$

    boolean json() {
        return format == OutputFormat.JSON;
    }

    static ShellArguments parse(String[] args) {
        boolean json = false;
        boolean csv = false;
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (words.isEmpty() && JSON.equals(arg)) {
                json = true;
            } else if (words.isEmpty() && CSV.equals(arg)) {
                csv = true;
            } else if (words.isEmpty() && arg.startsWith("--")) { //$NON-NLS-1$
                throw new IllegalArgumentException(NLS.bind(Messages.Shell_unknownOption, arg));
            } else {
                words.add(arg);
            }
        }
        // listing and details commands take --json and --csv after them too ("ca:list --json"): they are the
        // shell's options, not the command's, so they are taken out of the command line wherever they stand
        String line = String.join(" ", words).strip(); //$NON-NLS-1$
        if (line.matches("(?s).*(^|\\s)--json(\\s|$).*")) { //$NON-NLS-1$
            json = true;
            line = line.replaceAll("(^|\\s)--json(?=\\s|$)", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (line.matches("(?s).*(^|\\s)--csv(\\s|$).*")) { //$NON-NLS-1$
            csv = true;
            line = line.replaceAll("(^|\\s)--csv(?=\\s|$)", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (json && csv) {
            throw new IllegalArgumentException(Messages.Shell_jsonOrCsv);
        }
        return new ShellArguments(json ? OutputFormat.JSON : csv ? OutputFormat.CSV : OutputFormat.TEXT, line);
    }
}
