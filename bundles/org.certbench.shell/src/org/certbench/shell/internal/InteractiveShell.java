package org.certbench.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/** The {@code g!} prompt: one Gogo session, a line at a time, until {@code exit} or end of input. */
final class InteractiveShell {

    private static final String PROMPT = "g! ";

    private final CommandProcessor processor;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    InteractiveShell(CommandProcessor processor, InputStream in, PrintStream out, PrintStream err) {
        this.processor = processor;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run() {
        out.println("CertBench shell - 'help' lists the commands, 'exit' leaves.");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        try (CommandSession session = processor.createSession(in, out, err)) {
            while (true) {
                out.print(PROMPT);
                out.flush();
                String line = reader.readLine();
                if (line == null || "exit".equals(line.strip())) {
                    out.println();
                    return ExitStatus.OK;
                }
                if (!line.isBlank()) {
                    execute(session, line);
                }
            }
        } catch (IOException e) {
            err.println("certbench-shell: cannot read the console: " + e.getMessage());
            return ExitStatus.FAILED;
        }
    }

    private void execute(CommandSession session, String line) {
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            err.println(ErrorText.of(e));
        }
    }

}
