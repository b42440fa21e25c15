package org.certbench.agents.connector.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A JVM of many agents for the fleet benchmark: {@code AgentsProcess COUNT FIRST DIRECTORY CONSOLE.pem} starts
 * agents {@code agentFIRST}… in {@code DIRECTORY}, each trusting the console certificate, prints each port on a line
 * and then {@code ready}, and serves until its standard input ends. Runs with the agent jar and this class on the
 * class path, outside OSGi: JDK types only.
 * <p>
 * Why processes: each agent holds its listening socket, and while it serves a connection, that socket too; ten
 * thousand agents and the console's connections in one JVM come near a descriptor limit of 20,000, and the
 * console's memory cannot be told from the agents' there.
 */
public final class AgentsProcess {

    /** The line that says every agent listens. */
    static final String READY = "ready";

    private AgentsProcess() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int first = Integer.parseInt(args[1]);
        Path directory = Path.of(args[2]);
        String pem = Files.readString(Path.of(args[3]), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        try (AgentServers servers = new AgentServers(AgentsProcess.class.getClassLoader())) {
            for (int i = first; i < first + count; i++) {
                out.println(servers.start(directory.resolve("agent" + i), der, pem));
            }
            out.println(READY);
            out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes the pipe (or ends)
            }
        }
    }
}
