package org.certbench.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private Xvfb server on a free display number, stopped on close. */
final class VirtualDisplay implements AutoCloseable {

    private final Process server;
    private final String name;

    private VirtualDisplay(Process server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Synchronized: test classes run two at a time, and two servers must not pick the same free number. */
    static synchronized VirtualDisplay start() throws IOException, InterruptedException {
        for (int number = 140; number < 240; number++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (server.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(server, ":" + number);
            }
            server.destroyForcibly();
        }
        throw new IllegalStateException("no free X display number for Xvfb between :140 and :239");
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor(5, TimeUnit.SECONDS);
    }
}
