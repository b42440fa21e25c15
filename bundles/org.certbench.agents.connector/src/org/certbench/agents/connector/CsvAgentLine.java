package org.certbench.agents.connector;

/**
 * One agent line of a CSV file {@code name,host,port} as {@link AgentFleet#readCsv} reads it, before anything is
 * imported: what an import preview shows.
 *
 * @param line    the line number in the file, from 1
 * @param name    the agent's name as written (may be empty on a bad line)
 * @param host    the host as written (may be empty on a bad line)
 * @param port    the port, or 0 when the line has no valid one
 * @param problem why this line is no agent, in words, or {@code null} for a good line
 * @since 1.5
 */
public record CsvAgentLine(int line, String name, String host, int port, String problem) {

    /** {@return whether the line names an agent an import would add} */
    public boolean isGood() {
        return problem == null;
    }
}
