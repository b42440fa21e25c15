package org.certbench.agents.connector.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl binary, as an administrator or a micro CA runs it. */
final class Openssl {

    private Openssl() {
    }

    static String run(Path directory, String input, String... arguments) {
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
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint (AA:BB:… upper case) of the certificate {@code openssl s_client} is served on the port. */
    static String servedFingerprint(Path directory, int port) {
        String served = run(directory, "", "s_client", "-connect", "127.0.0.1:" + port, "-showcerts");
        int begin = served.indexOf("-----BEGIN CERTIFICATE-----");
        int end = served.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length();
        String fingerprint = run(directory, served.substring(begin, end) + "\n", "x509", "-noout", "-fingerprint",
                "-sha256");
        return fingerprint.substring(fingerprint.indexOf('=') + 1).strip();
    }
}
