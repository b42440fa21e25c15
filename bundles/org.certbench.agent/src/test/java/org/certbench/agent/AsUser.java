package org.certbench.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code certbench-agent} run as another user ({@code runuser -u USER}, the tests run as root): the service user
 * an agent runs as. The test class path lies partly in root's Maven repository, which other users cannot read,
 * so those jars are copied to a directory everyone can read first.
 */
final class AsUser {

    private AsUser() {
    }

    static Agents.CliResult cli(String user, Path scratch, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        command.addAll(AgentProcess.builder(Main.class, arguments).command());
        int classPath = command.indexOf("-cp") + 1;
        command.set(classPath, readableClassPath(command.get(classPath), scratch));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("certbench-agent as " + user + " did not finish: " + arguments[0]);
        }
        return new Agents.CliResult(process.exitValue(), stdout, stderr.join());
    }

    private static String readableClassPath(String classPath, Path scratch) throws IOException {
        Path libraries = scratch.resolve("lib");
        Files.createDirectories(libraries);
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(libraries, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> readable = new ArrayList<>();
        int index = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.startsWith("/root") || Files.isDirectory(path)) {
                readable.add(entry);
                continue;
            }
            Path copy = libraries.resolve(index++ + "-" + path.getFileName());
            try {
                Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            readable.add(copy.toString());
        }
        return String.join(java.io.File.pathSeparator, readable);
    }
}
