package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 end to end: the example plug-in, built by the reactor, installed into the headless shell, then a
 * real haproxy gets a new certificate through it without a restart; removed, nobody knows it any more.
 */
class HaproxyPluginTest {

    @TempDir
    Path work;

    @Test
    void theExamplePluginGivesHaproxyANewCertificateWithoutARestart() throws Exception {
        Path home = work.resolve("home");
        Path site = Files.createDirectories(work.resolve("haproxy"));
        new Openssl(site).run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-out", "c.pem", "-days", "30", "-subj", "/CN=old.example");
        Path pem = site.resolve("site.pem");
        Files.writeString(pem, Files.readString(site.resolve("c.pem")) + Files.readString(site.resolve("k.pem")));
        int port = Squid.freePort();
        Files.writeString(site.resolve("haproxy.cfg"), String.join("\n", "global", "    master-worker",
                "    stats socket " + site + "/admin.sock level admin expose-fd listeners",
                "    pidfile " + site + "/haproxy.pid", "defaults", "    mode http", "    timeout connect 5s",
                "    timeout client 5s", "    timeout server 5s", "frontend web",
                "    bind 127.0.0.1:" + port + " ssl crt " + pem, "    http-request return status 200", ""));
        Process haproxy = new ProcessBuilder("/usr/sbin/haproxy", "-W", "-db", "-f", site.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(site.resolve("haproxy.log").toFile()).start();
        try {
            awaitPort(port);
            assertEquals(0, shell(home, "plugin:install " + exampleJar()).status());
            assertEquals(0, shell(home, "host:configure haproxy pem.file=" + pem + " admin.socket=" + site
                    + "/admin.sock check.address=127.0.0.1:" + port).status());

            Command.Result generated = shell(home, "host:generate haproxy");
            assertEquals(0, generated.status(), generated::toString);

            Command.Result served = new Command(Path.of("/usr/bin/openssl"), "s_client", "-connect",
                    "127.0.0.1:" + port, "-brief").run();
            assertTrue(served.toString().contains("Peer certificate: CN = ")
                    && !served.toString().contains("old.example"), served.toString());
            assertTrue(haproxy.isAlive(), "the same haproxy, not restarted");
            Command.Result status = shell(home, "haproxy:status");
            assertEquals(0, status.status(), status::toString);
            assertTrue(status.out().contains("web"), status.out());

            assertEquals(0, shell(home, "plugin:remove org.certbench.example.haproxy").status());
            Command.Result targets = shell(home, "host:list");
            assertFalse(targets.out().contains("haproxy"), targets.out());
            assertEquals(2, shell(home, "haproxy:status").status(), "no such command once removed");
        } finally {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
            haproxy.destroyForcibly();
        }
    }

    @Test
    void theShellRefusesTheWorkbenchHalfAndIgnoresItWhenTheWorkbenchInstalledIt() throws Exception {
        Path home = work.resolve("home");
        Path view = exampleJar("org.certbench.example.haproxy.ui");

        Command.Result refused = shell(home, "plugin:install " + view);
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("certbench-shell: org.certbench.example.haproxy.ui is a workbench plug-in (it adds to the"
                + " workbench's windows): install it in the workbench, Settings > Plug-ins. The shell shares the"
                + " plug-ins of the same home but does not run workbench plug-ins.", refused.err().strip());

        // where Settings > Plug-ins in the workbench puts it
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(view, home.resolve("plugins/org.certbench.example.haproxy.ui.jar"));
        assertEquals(0, shell(home, "plugin:install " + exampleJar("org.certbench.example.haproxy")).status());
        Command.Result listed = shell(home, "plugin:list");
        assertEquals(0, listed.status(), listed::toString);
        assertEquals("", listed.err(), "no complaint about the workbench plug-in");
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("org.certbench.example.haproxy.ui ")
                && line.endsWith("workbench only")), listed.out());
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("org.certbench.example.haproxy ")
                && line.endsWith("active")), listed.out());
        assertEquals(0, shell(home, "plugin:remove org.certbench.example.haproxy.ui").status());
        assertFalse(Files.exists(home.resolve("plugins/org.certbench.example.haproxy.ui.jar")));
    }

    private static Path exampleJar() throws Exception {
        return exampleJar("org.certbench.example.haproxy");
    }

    private static Path exampleJar(String name) throws Exception {
        Path target = Products.REPOSITORY.resolve("examples/" + name + "/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the example is built first: " + target));
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("haproxy did not listen on " + port);
    }

    private static Command.Result shell(Path home, String command) throws Exception {
        return new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command).run();
    }
}
