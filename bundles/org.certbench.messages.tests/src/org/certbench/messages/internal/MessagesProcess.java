package org.certbench.messages.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.certbench.messages.Severity;

/**
 * A second process over the same messages file, as a {@code certbench-shell} beside the workbench: it opens the
 * messages (and so holds its own copy), says {@code ready}, waits for a line on stdin, then posts
 * {@code COUNT} messages. {@code java -cp … MessagesProcess FILE COUNT}
 */
public final class MessagesProcess {

    private MessagesProcess() {
    }

    public static void main(String[] args) throws Exception {
        StoredSystemMessages messages = new StoredSystemMessages(new MessageFile(Path.of(args[0])),
                Clock.systemUTC(), unread -> { });
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            messages.post(Severity.INFO, "Shell", "from the shell " + i, null);
        }
        System.out.println("posted " + count);
    }
}
