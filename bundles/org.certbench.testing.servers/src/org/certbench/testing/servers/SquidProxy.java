package org.certbench.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's squid on 127.0.0.1 and a free port as a plain forwarding proxy (HTTPS by CONNECT, not inspected), with
 * an access log of every request; or one that refuses every request (403), as a proxy whose rules leave a
 * destination out does. It runs in the foreground, in a directory of its own owned by the {@code proxy} user it
 * drops to.
 */
public final class SquidProxy implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final ForegroundProgram program;

    private SquidProxy(Path directory, int port, ForegroundProgram program) {
        this.directory = directory;
        this.port = port;
        this.program = program;
    }

    /** A proxy that forwards what 127.0.0.1 asks for. */
    public static SquidProxy forwarding() throws IOException, InterruptedException {
        return start("http_access allow localhost");
    }

    /** A proxy that answers every request with 403 Forbidden. */
    public static SquidProxy refusing() throws IOException, InterruptedException {
        return start("http_access deny all");
    }

    private static SquidProxy start(String access) throws IOException, InterruptedException {
        // not below a JUnit @TempDir: that is root's and 0700, and squid's proxy user writes its logs here
        Path directory = Files.createTempDirectory("certbench-squid");
        int port = TestServers.freePort();
        Path configuration = directory.resolve("squid.conf");
        Files.writeString(configuration, String.join("\n",
                "http_port 127.0.0.1:" + port,
                access,
                "http_access deny all",
                "cache deny all",
                "cache_effective_user proxy",
                "pid_filename " + directory.resolve("squid.pid"),
                "cache_log " + directory.resolve("cache.log"),
                "access_log stdio:" + directory.resolve("access.log"),
                "coredump_dir " + directory,
                "shutdown_lifetime 0 seconds",
                ""));
        TestServers.run(List.of("chown", "-R", "proxy:proxy", directory.toString()));
        TestServers.run(List.of("chmod", "0755", directory.toString()));
        ForegroundProgram program = new ForegroundProgram(List.of("/usr/sbin/squid", "-N", "-f",
                configuration.toString()), Map.of(), directory.resolve("squid.out"));
        try {
            program.awaitPort(port);
        } catch (IOException | InterruptedException e) {
            TestServers.deleteRecursively(directory);
            throw new IOException(e.getMessage() + "\n" + TestServers.read(directory.resolve("cache.log")), e);
        }
        return new SquidProxy(directory, port, program);
    }

    /** {@return the port it listens on at 127.0.0.1} */
    public int port() {
        return port;
    }

    /**
     * Stops squid and {@return its access log} Squid writes a CONNECT tunnel's line when the tunnel ends, and an
     * HTTP client keeps its connections open for reuse: stopping closes them, so every request is in the log.
     */
    public List<String> stopAndReadAccessLog() throws IOException {
        program.close();
        Path log = directory.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() throws IOException {
        program.close();
        TestServers.deleteRecursively(directory);
    }
}
