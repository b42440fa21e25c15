package org.certbench.testing.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The real clients an administrator's users run, verifying the server by the host's name. */
public final class Clients {

    private Clients() {
    }

    /** curl to https://NAME:PORT/ with NAME resolved to 127.0.0.1, trusting only {@code caFile}. */
    public static ToolOutcome curl(String name, int port, Path caFile) throws IOException {
        return TestServers.tool(List.of("curl", "--silent", "--show-error", "--max-time", "10", "--cacert",
                caFile.toString(), "--resolve", name + ":" + port + ":127.0.0.1", "https://" + name + ":" + port + "/"));
    }

    /** psql with sslmode=verify-full to NAME (at 127.0.0.1), trusting only {@code rootFile}. */
    public static ToolOutcome psql(String name, int port, Path rootFile) throws IOException {
        String connection = "host=" + name + " hostaddr=127.0.0.1 port=" + port
                + " user=postgres dbname=postgres sslmode=verify-full sslrootcert=" + rootFile + " connect_timeout=10";
        return TestServers.tool(List.of("psql", "-X", "-A", "-t", "-d", connection, "-c", "SELECT 'verified'"));
    }
}
