package org.certbench.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code certbench-agent} run as another user ({@code runuser -u USER}, the tests run as root): the service user
 * an agent runs as. The test class path lies partly in root's Maven repository, which other users cannot read,
 * so those jars are copied to a directory everyone can read first.
 */
final class AsUser {

    private AsUser() {
    }

    static Agents.CliResult cli(String user, Path scratch, String... arguments) throws Exception {
        return java(user, scratch, Main.class, arguments);
    }

    /** The main class of the test class path, run in a JVM of its own as {@code user}. */
    static Agents.CliResult java(String user, Path scratch, Class<?> mainClass, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        command.addAll(AgentProcess.builder(mainClass, arguments).command());
        // the class archive lies in root's target directory: this user could not write it, and the JVM fails its exit
        // when it cannot
        command.removeIf(option -> option.startsWith("-XX:SharedArchiveFile=") || option.equals("-XX:+AutoCreateSharedArchive"));
        int classPath = command.indexOf("-cp") + 1;
        command.set(classPath, readableClassPath(command.get(classPath), scratch));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        return AgentProcess.complete(process, mainClass.getSimpleName() + " as " + user + ": " + List.of(arguments));
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
