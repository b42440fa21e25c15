package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.core.commands.CommandException;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.internal.commands.ExpiryCommands;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code expiry:metrics} with Debian's real tools: what it writes passes {@code promtool check metrics} and a real
 * {@code prometheus-node-exporter} (its textfile collector on the output directory) serves the values, a plug-in's
 * hostile name (quotes, a backslash, a line feed, an escape) staying one series; the README's alert rule passes
 * {@code promtool check rules} and fires, under {@code promtool test rules}, for a certificate 13 days from expiry.
 */
class ExpiryMetricsTest {

    private static final String HOSTILE = "web \"prod\"\nline\\2\u001b[31m";
    private static final String HOSTILE_SERVED = "web \\\"prod\\\"\\nline\\\\2\uFFFD[31m";

    @TempDir
    Path work;

    private final BundleContext context = FrameworkUtil.getBundle(ExpiryMetricsTest.class).getBundleContext();

    @Test
    void hostileNamesStayOneValidSeriesThatPromtoolAcceptsAndNodeExporterServes() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Certificate hostile = Certificate.fromDer(PkiFixtures.certificate("CN=evil.example")
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(13))).build(), "hostile");
        ServiceRegistration<ExpiryContributor> contribution = context.registerService(ExpiryContributor.class,
                new ExpiryContributor() {
                    @Override
                    public String kind() {
                        return "vault";
                    }

                    @Override
                    public List<ContributedCertificate> certificates() {
                        // the same certificate twice under one name is one series, not a duplicate promtool refuses
                        // and two names that differ only in a control character written as U+FFFD: one series too
                        return List.of(new ContributedCertificate("a", HOSTILE, "mount", hostile, null),
                                new ContributedCertificate("b", HOSTILE, "mount", hostile, null),
                                new ContributedCertificate("c", "twin\tname", "mount", hostile, null),
                                new ContributedCertificate("d", "twin\rname", "mount", hostile, null));
                    }
                }, null);
        Path directory = Files.createDirectories(work.resolve("textfile"));
        Path file = directory.resolve("certbench.prom");
        String written;
        try {
            written = commands().metrics(file.toString());
        } finally {
            contribution.unregister();
        }

        assertTrue(written.matches("\\d+ series written to " + java.util.regex.Pattern.quote(file.toString())
                + "\\.(\n.*)*"), written);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String id = hostile.sha256Fingerprint();
        assertEquals(2, text.lines().filter(line -> line.contains(id) && line.startsWith(
                MetricsFormat.NOT_AFTER + "{")).count(), text);
        assertEquals(1, text.lines().filter(line -> line.contains("twin\uFFFDname") && line.startsWith(
                MetricsFormat.NOT_AFTER + "{")).count(), text);
        assertEquals("", run(file, "promtool", "check", "metrics").strip(), "promtool finds nothing to lint");

        String served = scrape(directory);
        assertTrue(served.contains("\nnode_textfile_scrape_error 0\n"), served);
        assertEquals(hostile.notAfter().getEpochSecond(), value(served, MetricsFormat.NOT_AFTER, id), served);
        assertEquals(hostile.notBefore().getEpochSecond(), value(served, MetricsFormat.NOT_BEFORE, id), served);
    }

    @Test
    void theReadmeAlertRuleIsValidAndFiresForACertificate13DaysFromExpiry() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf("```yaml\ngroups:\n  - name: certbench\n");
        assertTrue(start >= 0, "the README shows the alert rule");
        String rules = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 3));
        Files.writeString(work.resolve("rules.yml"), rules);
        // time() starts at 0 in promtool's tests: a certificate whose not-after is 13 days, another's 1000 days
        Files.writeString(work.resolve("rules-test.yml"), """
                rule_files:
                  - rules.yml
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'certbench_certificate_not_after_seconds{kind="host",name="www",id="AA"}'
                        values: '1123200x180'
                      - series: 'certbench_certificate_not_after_seconds{kind="ca",name="root",id="BB"}'
                        values: '86400000x180'
                    alert_rule_test:
                      - eval_time: 2h
                        alertname: CertificateExpiresWithin14Days
                        exp_alerts:
                          - exp_labels: {severity: warning, kind: host, name: www, id: AA}
                            exp_annotations:
                              summary: 'CertBench host certificate "www" expires within 14 days'
                              description: 'SHA-256 AA. expiry:list --kind host shows where it is used and what to do.'
                """);

        assertTrue(run(null, "promtool", "check", "rules", work.resolve("rules.yml").toString())
                .contains("SUCCESS: 2 rules found"));
        assertTrue(run(null, "promtool", "test", "rules", work.resolve("rules-test.yml").toString())
                .contains("SUCCESS"));
    }

    @Test
    void anOutFileNodeExporterWouldNotReadOrCannotBeWrittenIsRefusedInWords() throws Exception {
        ExpiryCommands commands = commands();

        CommandException notProm = assertThrows(CommandException.class,
                () -> commands.metrics(work.resolve("certbench.txt").toString()));
        assertEquals("--out " + work.resolve("certbench.txt") + ": node_exporter's textfile collector reads only "
                + "files whose names end in .prom (e.g. certbench.prom).", notProm.getMessage());
        // a file where its directory should be
        Path underAFile = Files.writeString(work.resolve("plain"), "not a directory").resolve("certbench.prom");
        CommandException cannot = assertThrows(CommandException.class,
                () -> commands.metrics(underAFile.toString()));
        assertTrue(cannot.getMessage().startsWith("The metrics cannot be written to " + underAFile + ": "),
                cannot.getMessage());
    }

    @Test
    void labelValuesAreEscapedAsTheFormatSays() {
        assertEquals(HOSTILE_SERVED, MetricsFormat.escapeLabel(HOSTILE));
        assertEquals("tab\uFFFDcr\uFFFDrlo\uFFFD", MetricsFormat.escapeLabel("tab\tcr\rrlo\u202e"));
        ExpiryList empty = new ExpiryList(Instant.EPOCH, List.of(), List.of("host https\nfailed",
                "HELP certbench_spoof a problem that reads as metadata"));
        assertEquals("""
                # certbench problem: host https failed
                # certbench problem: HELP certbench_spoof a problem that reads as metadata
                # HELP certbench_certificate_not_after_seconds The end of the certificate's validity (not after), \
                in seconds since 1970 (UTC).
                # TYPE certbench_certificate_not_after_seconds gauge
                # HELP certbench_certificate_not_before_seconds The start of the certificate's validity (not before), \
                in seconds since 1970 (UTC).
                # TYPE certbench_certificate_not_before_seconds gauge
                """, MetricsFormat.of(empty, List.of(), null).text());
    }

    /** The sample of {@code metric} for the certificate {@code id} as node_exporter serves it (labels sorted). */
    private static long value(String served, String metric, String id) {
        String prefix = metric + "{id=\"" + id + "\",kind=\"vault\",name=\"" + HOSTILE_SERVED + "\"} ";
        List<String> lines = served.lines().filter(line -> line.startsWith(prefix)).toList();
        assertEquals(1, lines.size(), prefix);
        return (long) Double.parseDouble(lines.get(0).substring(prefix.length()));
    }

    /** Starts node_exporter with only its textfile collector on {@code directory}, reads /metrics once, stops it. */
    private String scrape(Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("node-exporter.log");
        Process exporter = new ProcessBuilder("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + port,
                "--collector.disable-defaults", "--collector.textfile",
                "--collector.textfile.directory=" + directory).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    return response.body();
                } catch (ConnectException e) {
                    if (!exporter.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("node_exporter did not answer: " + Files.readString(log), e);
                    }
                    Thread.sleep(20); // not listening yet
                }
            }
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(20, TimeUnit.SECONDS)) {
                exporter.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs a tool ({@code input} its stdin, or none); its output, or a failure naming it. */
    private static String run(Path input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static Path readme() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("..", "..", "README.md"), Path.of("README.md")));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no README.md in " + candidates));
    }

    private ExpiryCommands commands() throws InterruptedException {
        return new ExpiryCommands(service(ExpiryOverview.class), service(CertificateMetrics.class));
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
