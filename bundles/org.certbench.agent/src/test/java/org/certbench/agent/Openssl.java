package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl binary in a directory, as an administrator or a micro CA would. */
public final class Openssl {

    private Openssl() {
    }

    /** Runs {@code openssl args…} in {@code directory}, asserts success and returns stdout + stderr. */
    public static String run(Path directory, String... arguments) {
        return runWithInput(directory, null, arguments);
    }

    /** As {@link #run(Path, String...)} with {@code input} on stdin. */
    public static String runWithInput(Path directory, String input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl timed out: " + command);
            }
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint of the certificate a TLS server at 127.0.0.1:{@code port} presents. */
    public static String servedFingerprint(Path directory, int port) {
        String served = runWithInput(directory, "", "s_client", "-connect", "127.0.0.1:" + port, "-showcerts");
        int begin = served.indexOf("-----BEGIN CERTIFICATE-----");
        int end = served.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length();
        String fingerprint = runWithInput(directory, served.substring(begin, end) + "\n", "x509", "-noout", "-fingerprint",
                "-sha256");
        return fingerprint.substring(fingerprint.indexOf('=') + 1).trim();
    }
}
