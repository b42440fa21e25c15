package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, 4: one home used by a long-running CertBench (the interactive shell, holding the inventory, the CA
 * list and the messages in memory as the workbench does) and one-shot {@code ./certbench-shell} commands run beside
 * it: what either adds is kept, and the long-running one sees what the one-shots did without a reload.
 */
class SharedHomeTest {

    private static final String MARK = "Product    CertBench";

    /**
     * A CA of 110 days with 10 left: the 30-day warning fires (no threshold beyond a third of a certificate's lifetime
     * does, so a certificate made now can never warn). openssl req cannot date a certificate back; keytool can.
     */
    static void soonExpiringCa(Path pem) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = pem.resolveSibling("soon-ca.p12");
        run(keytool.toString(), "-genkeypair", "-alias", "soon", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Soon CA", "-startdate", "-100d", "-validity", "110", "-ext", "bc:c=ca:true", "-ext",
                "ku:c=keyCertSign,cRLSign", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "soon", "-keystore", store.toString(), "-storepass",
                "changeit", "-file", pem.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ":\n"
                + output);
    }

    @TempDir
    Path work;

    @Test
    void oneShotCommandsBesideALongRunningShellLoseNothingAndAreSeenByIt() throws Exception {
        Path home = work.resolve("home");
        Openssl openssl = new Openssl(work);
        Path sharedCa = openssl.ca("shared-ca", "Shared CA");
        Path otherCa = openssl.ca("other-ca", "Long-running CA");
        soonExpiringCa(work.resolve("soon-ca.crt"));
        openssl.ca("agent", "agent.example"); // a self-signed certificate, presented as an agent presents its own

        try (OriginServer agent = OriginServer.start(openssl.pkcs12("agent"));
                LongRunning running = LongRunning.start(home)) {
            String port = agent.url().replaceAll(".*:(\\d+)/$", "$1");
            // the long-running one holds everything in memory first
            running.run("agent:list");
            running.run("ca:list");
            running.run("messages:list");

            oneShot(home, "agent:add web-01 127.0.0.1 " + port);
            running.run("agent:add db-01 127.0.0.1 " + port);
            oneShot(home, "agent:add web-02 127.0.0.1 " + port);
            oneShot(home, "ca:import " + sharedCa);
            running.run("ca:import " + otherCa);
            oneShot(home, "ca:import " + work.resolve("soon-ca.crt"));
            oneShot(home, "ca:reload"); // its expiry check posts the warning for Soon CA

            String agents = running.run("agent:list");
            String cas = running.run("ca:list");
            String messages = running.run("messages:list");
            for (String name : new String[] { "web-01", "web-02", "db-01" }) {
                assertTrue(agents.contains(name), "the long-running shell lists " + name + ":\n" + agents);
            }
            for (String name : new String[] { "Shared CA", "Long-running CA", "Soon CA" }) {
                assertTrue(cas.contains(name), "the long-running shell lists " + name + ":\n" + cas);
            }
            assertTrue(messages.contains("Soon CA"), "the long-running shell has the one-shot's message:\n" + messages);

            // and on disk, as a new process reads it
            String stored = oneShot(home, "agent:list");
            for (String name : new String[] { "web-01", "web-02", "db-01" }) {
                assertTrue(stored.contains(name), "stored: " + name + ":\n" + stored);
            }
            String storedCas = oneShot(home, "ca:list");
            for (String name : new String[] { "Shared CA", "Long-running CA", "Soon CA" }) {
                assertTrue(storedCas.contains(name), "stored: " + name + ":\n" + storedCas);
            }
            String storedMessages = oneShot(home, "messages:list");
            assertEquals(1, storedMessages.lines().filter(line -> line.contains("Soon CA")).count(),
                    "the warning posted once:\n" + storedMessages);
        }
    }

    private static String oneShot(Path home, String command) throws Exception {
        Command.Result result = new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command)
                .run();
        assertEquals(0, result.status(), () -> command + ": " + result);
        return result.out();
    }

    /** The interactive shell on a pipe: each command is followed by certbench:version, whose output marks its end. */
    private static final class LongRunning implements AutoCloseable {

        private final Process process;
        private final OutputStream in;
        private final StringBuffer out = new StringBuffer();
        private int read;

        private LongRunning(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            Thread drain = new Thread(() -> {
                try (InputStream stream = process.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = stream.read(buffer)) > 0;) {
                        out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    out.append("\n(reading the shell failed: ").append(e.getMessage()).append(")\n");
                }
            }, "long-running shell output");
            drain.setDaemon(true);
            drain.start();
        }

        static LongRunning start(Path home) throws IOException {
            ShellArchive.seed(List.of(Products.launcher("certbench-shell").toString(), "--home", home.toString()));
            return new LongRunning(new ProcessBuilder(Products.launcher("certbench-shell").toString(), "--home",
                    home.toString()).redirectErrorStream(true).start());
        }

        /** The command's output (up to its marker); a shell that does not answer within a minute fails the test. */
        String run(String command) throws IOException, InterruptedException {
            in.write((command + "\ncertbench:version\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            int mark;
            while ((mark = out.indexOf(MARK, read)) < 0) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("no answer to " + command + " from the long-running shell:\n" + out);
                }
                Thread.sleep(20);
            }
            String answer = out.substring(read, mark);
            read = mark + MARK.length();
            return answer;
        }

        @Override
        public void close() throws Exception {
            try {
                in.write("exit\n".getBytes(StandardCharsets.UTF_8));
                in.close();
            } catch (IOException e) {
                // it ended already
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
