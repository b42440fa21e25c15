package org.certbench.product.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command run as a script runs it: arguments, environment, stdin; its exit status, stdout and stderr. */
final class Command {

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> unset = new ArrayList<>();
    private String stdin = "";
    private Path workingDirectory;
    private boolean discardOutput;
    private boolean firstStart;

    Command(Path executable, String... arguments) {
        words.add(executable.toString());
        words.addAll(List.of(arguments));
    }

    Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Command without(String name) {
        unset.add(name);
        return this;
    }

    /** For a started process nobody reads: a full pipe would block it. */
    Command discardOutput() {
        discardOutput = true;
        return this;
    }

    /** The shell starts in its home without the class archive the tests copy into new homes (ShellArchive). */
    Command firstStart() {
        firstStart = true;
        return this;
    }

    Command in(Path directory) {
        workingDirectory = directory;
        return this;
    }

    Command input(String text) {
        stdin = text;
        return this;
    }

    Process start() throws IOException {
        if (!firstStart) {
            ShellArchive.seed(words);
        }
        ProcessBuilder builder = new ProcessBuilder(words);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        unset.forEach(builder.environment()::remove);
        if (discardOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.start();
    }

    Result run() throws IOException, InterruptedException {
        Process process = start();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(words + " did not end within 5 minutes");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
