package org.certbench.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's PostgreSQL 15 in a directory of its own, on 127.0.0.1 and a free port, with {@code ssl=on}. It
 * refuses to run as root, so initdb and pg_ctl run as {@code postgres}, which owns the directory.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where Debian puts PostgreSQL 15's server programs. */
    public static final String BIN = "/usr/lib/postgresql/15/bin/";
    private static final String USER = "postgres";

    private static Path initialCluster;

    private final Path base;
    private final int port;
    private final Thread stopOnExit;

    private PostgresServer(Path base, int port) {
        this.base = base;
        this.port = port;
        this.stopOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** A new cluster serving the given PEMs as {@code server.crt} / {@code server.key} in its data directory. */
    public static PostgresServer start(String certificatePem, String keyPem) throws IOException, InterruptedException {
        // not below a JUnit @TempDir: that is root's and 0700, and postgres must own the whole path it writes
        Path base = Files.createTempDirectory("certbench-postgres");
        UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        Files.setOwner(base, postgres);
        PostgresServer server = new PostgresServer(base, TestServers.freePort());
        try {
            TestServers.run(asPostgres("cp", "-a", initialCluster(postgres).toString(),
                    server.dataDirectory().toString()));
            writeOwned(server.dataDirectory().resolve("server.crt"), certificatePem, postgres);
            writeOwned(server.dataDirectory().resolve("server.key"), keyPem, postgres);
            TestServers.run(asPostgres(BIN + "pg_ctl", "-D", server.dataDirectory().toString(), "-l",
                    base.resolve("server.log").toString(), "-w", "-o",
                    "-k " + base + " -p " + server.port + " -c listen_addresses=127.0.0.1 -c ssl=on"
                            + " -c ssl_cert_file=server.crt -c ssl_key_file=server.key",
                    "start"));
            TestServers.awaitPort(server.port, null, base.resolve("server.log"));
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * A cluster as initdb makes it, made once per JVM and copied for every server: initdb takes a second or more
     * (several times that on a loaded CI machine), a copy a tenth, and each server still starts on a cluster of its
     * own that no other server has run on.
     */
    private static synchronized Path initialCluster(UserPrincipal postgres) throws IOException {
        if (initialCluster == null) {
            Path base = Files.createTempDirectory("certbench-postgres-initdb");
            Files.setOwner(base, postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    TestServers.deleteRecursively(base);
                } catch (IOException e) {
                    System.err.println("could not remove the initial test PostgreSQL cluster in " + base + ": "
                            + e.getMessage());
                }
            }));
            TestServers.run(asPostgres(BIN + "initdb", "-D", base.resolve("data").toString(), "-A", "trust", "-U",
                    USER, "--no-sync"));
            initialCluster = base.resolve("data");
        }
        return initialCluster;
    }

    private static void writeOwned(Path file, String content, UserPrincipal owner) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(file, owner);
    }

    private static List<String> asPostgres(String... command) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(List.of(command));
        return wrapped;
    }

    /** {@return the cluster's data directory, where {@code server.crt} and {@code server.key} are} */
    public Path dataDirectory() {
        return base.resolve("data");
    }

    /** {@return the port it listens on at 127.0.0.1} */
    public int port() {
        return port;
    }

    /** {@return the server's log so far} */
    public String log() {
        return TestServers.read(base.resolve("server.log"));
    }

    private void stop() {
        try {
            if (Files.exists(dataDirectory().resolve("postmaster.pid"))) {
                TestServers.tool(asPostgres(BIN + "pg_ctl", "-D", dataDirectory().toString(), "-m", "immediate", "-w",
                        "stop"));
            }
            TestServers.deleteRecursively(base);
        } catch (IOException e) {
            System.err.println("could not stop or remove the test PostgreSQL in " + base + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
