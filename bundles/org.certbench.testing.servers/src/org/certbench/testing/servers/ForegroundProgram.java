package org.certbench.testing.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server program run in the foreground, its output in a log; killed with its children when closed, or when the
 * test JVM exits, so that no test leaves a server behind.
 */
public final class ForegroundProgram implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    /** Starts {@code command} with {@code environment} added, stdout and stderr to {@code log}. */
    public ForegroundProgram(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        this.process = builder.start();
        this.log = log;
        this.killOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Waits until something accepts connections on 127.0.0.1:port; closes the program when it does not. */
    public ForegroundProgram awaitPort(int port) throws IOException, InterruptedException {
        try {
            TestServers.awaitPort(port, process, log);
            return this;
        } catch (IOException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** {@return what the program wrote so far} */
    public String log() {
        return TestServers.read(log);
    }

    private void stop() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
