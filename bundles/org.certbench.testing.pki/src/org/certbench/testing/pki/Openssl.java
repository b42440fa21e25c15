package org.certbench.testing.pki;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl binary, run in a directory as an administrator or a micro CA would run it. */
public final class Openssl {

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    private Openssl() {
    }

    /**
     * A positive serial number as {@code openssl … -text} prints it: its magnitude in whole bytes, upper-case hex, so
     * a leading nibble of zero is kept ({@code BigInteger.toString(16)} drops it for about 1 serial in 16).
     */
    public static String serialText(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        // toByteArray adds a sign byte of zero when the top bit is set; openssl prints the magnitude only.
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Runs {@code openssl arguments…} in {@code directory}; fails the test unless it succeeds; stdout + stderr. */
    public static String run(Path directory, String... arguments) {
        return runWithInput(directory, null, arguments);
    }

    /** As {@link #run}, with {@code input} on stdin ({@code null}: none). */
    public static String runWithInput(Path directory, String input, String... arguments) {
        Result result = attempt(directory, input, arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", arguments) + " failed:\n" + result.output());
        }
        return result.output();
    }

    /** As {@link #run}, for a command expected to fail: {@code null} when it succeeds, else its stdout + stderr. */
    public static String refusal(Path directory, String... arguments) {
        Result result = attempt(directory, null, arguments);
        return result.exitCode() == 0 ? null : result.output();
    }

    /** The SHA-256 fingerprint (AA:BB:… upper case) of the certificate {@code openssl s_client} is served on the port. */
    public static String servedFingerprint(Path directory, int port) {
        String served = runWithInput(directory, "", "s_client", "-connect", "127.0.0.1:" + port, "-showcerts");
        int begin = served.indexOf(PEM_BEGIN);
        int end = served.indexOf(PEM_END) + PEM_END.length();
        String fingerprint = runWithInput(directory, served.substring(begin, end) + "\n", "x509", "-noout",
                "-fingerprint", "-sha256");
        return fingerprint.substring(fingerprint.indexOf('=') + 1).strip();
    }

    /**
     * Whether OpenSSL, as a TLS client of the server on the port, verifies it for {@code host} against the CA
     * certificates in {@code caFile}: {@code s_client} with the server purpose, the host name or address checked
     * and security level 2 (no RSA under 2048 bits, no SHA-1), so that a test can say which verdicts OpenSSL shares.
     *
     * @return {@code null} when it verifies, else what OpenSSL said
     */
    public static String clientRefusal(Path directory, int port, Path caFile, String host) {
        boolean address = host.matches("[0-9.]+") || host.contains(":");
        Result result = attempt(directory, "", "s_client", "-connect", "127.0.0.1:" + port, "-CAfile",
                caFile.toString(), "-verify_return_error", "-purpose", "sslserver", "-auth_level", "2",
                address ? "-verify_ip" : "-verify_hostname", host, "-servername", address ? "localhost" : host);
        if (result.exitCode() == 0) {
            return null;
        }
        return result.output().lines().filter(line -> line.contains("verify error") || line.contains("error:"))
                .findFirst().orElse(result.output());
    }

    private static Result attempt(Path directory, String input, String... arguments) {
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
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
