package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The log's counts read as English for none, one and many: "1 connection", "3 connections", "1 is open". */
class AgentLogCountsTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void refusedConnectionsAreCountedInWords() {
        log.warn("LOG_REFUSED_TOTAL_LIMIT", 0, 0);
        log.warn("LOG_REFUSED_TOTAL_LIMIT", 1, 1);
        log.warn("LOG_REFUSED_TOTAL_LIMIT", 1200, 5);

        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(lines[0].endsWith(": refused 0 connections over the limits since the last such line; 0 are open"
                + " (--max-connections)"), lines[0]);
        assertTrue(lines[1].endsWith(": refused 1 connection over the limits since the last such line; 1 is open"
                + " (--max-connections)"), lines[1]);
        assertTrue(lines[2].endsWith(": refused 1200 connections over the limits since the last such line; 5 are open"
                + " (--max-connections)"), lines[2]);
    }

    @Test
    void closedAndLimitedConnectionsToo() {
        log.warn("LOG_EVICTED", 1, 6);
        log.warn("LOG_REFUSED_ADDRESS_LIMIT", 2, "192.0.2.7", 1);
        log.info("LOG_LIMITS", 1, 1);

        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(lines[0].endsWith(": closed 1 connection without an authorised console certificate since the last"
                + " such line, the oldest each time, to make room for new ones (6 open, --max-connections)"), lines[0]);
        assertTrue(lines[1].endsWith(": refused 2 connections over the limits since the last such line; the last from"
                + " 192.0.2.7, which has 1 open (--max-connections-per-address)"), lines[1]);
        assertTrue(lines[2].endsWith(": limits: at most 1 connection at a time, 1 from one address"), lines[2]);
    }
}
