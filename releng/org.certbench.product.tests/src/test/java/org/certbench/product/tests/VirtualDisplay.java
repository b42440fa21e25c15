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

    /**
     * The first visible window of {@code program} (a started ./certbench) as xdotool names it, waiting up to 90 s for
     * it; fails at once, with what the program wrote to stderr, if it ends before showing one.
     */
    String awaitWindow(Process program) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!program.isAlive()) {
                throw new AssertionError("the workbench exited with " + program.exitValue()
                        + " before showing a window: " + new String(program.getErrorStream().readAllBytes()));
            }
            Command.Result search = new Command(Path.of("/usr/bin/xdotool"), "search", "--onlyvisible", "--pid",
                    Long.toString(program.pid())).env("DISPLAY", name).run();
            if (search.status() == 0 && !search.out().isBlank()) {
                return search.out().lines().findFirst().orElseThrow();
            }
            // each look is an xdotool process: polled every 20 ms they took a good share of the cores the
            // starting workbench needs
            Thread.sleep(100);
        }
        throw new AssertionError("no CertBench window within 90 s");
    }

    /** Runs the X client {@code program} (from /usr/bin) on this display; fails with its output unless it exits 0. */
    String x(String program, String... arguments) throws IOException, InterruptedException {
        Command.Result result = new Command(Path.of("/usr/bin", program), arguments).env("DISPLAY", name).run();
        if (result.status() != 0) {
            throw new AssertionError(result.toString());
        }
        return result.out();
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor(5, TimeUnit.SECONDS);
    }
}
