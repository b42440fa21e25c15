package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShellArgumentsTest {

    @Test
    void oneQuotedArgumentIsTheCommandLine() {
        ShellArguments arguments = ShellArguments.parse(new String[] { "ca:list --expired" });

        assertFalse(arguments.json());
        assertEquals("ca:list --expired", arguments.commandLine());
    }

    @Test
    void severalWordsAreJoinedAndJsonComesFirst() {
        ShellArguments arguments = ShellArguments.parse(new String[] { "--json", "certbench:version" });

        assertTrue(arguments.json());
        assertEquals("certbench:version", arguments.commandLine());
    }

    @Test
    void jsonAfterTheCommandIsTheShellsOptionToo() {
        ShellArguments arguments = ShellArguments.parse(new String[] { "ca:list --json" });

        assertTrue(arguments.json());
        assertEquals("ca:list", arguments.commandLine());
        assertEquals("agent:show \"db 02\"", ShellArguments.parse(new String[] { "agent:show --json \"db 02\"" })
                .commandLine());
    }

    @Test
    void noArgumentMeansTheInteractivePrompt() {
        assertEquals("", ShellArguments.parse(new String[0]).commandLine());
    }

    @Test
    void anUnknownOptionIsRefusedInWords() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ShellArguments.parse(new String[] { "--verbose", "certbench:version" }));

        assertEquals("unknown option --verbose (the shell takes --json or --csv before the command; "
                + "--home DIR goes first, to the launcher)", refused.getMessage());
    }

    @Test
    void csvBeforeOrAfterTheCommandIsTheShellsOption() {
        ShellArguments before = ShellArguments.parse(new String[] { "--csv", "expiry:list", "--within", "30" });
        ShellArguments after = ShellArguments.parse(new String[] { "expiry:list --csv --kind agent" });

        assertEquals(OutputFormat.CSV, before.format());
        assertEquals("expiry:list --within 30", before.commandLine());
        assertEquals(OutputFormat.CSV, after.format());
        assertEquals("expiry:list --kind agent", after.commandLine());
        assertEquals(OutputFormat.TEXT, ShellArguments.parse(new String[] { "ca:list" }).format());
    }

    @Test
    void jsonAndCsvTogetherAreRefusedInWords() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ShellArguments.parse(new String[] { "--json", "ca:list --csv" }));

        assertEquals("--json and --csv cannot be used together: choose one output format", refused.getMessage());
    }
}
