package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Issue 20, "no digest is sent twice", with real processes: while one {@code ./certbench-shell} holds a digest in
 * flight (the receiver does not answer yet), a second one on the same home runs {@code notify:send}; it waits for the
 * home's notify lock (seen in {@code /proc/locks}), and once the first is answered finds nothing left to send.
 */
class NotifyTwoProcessesTest {

    @TempDir
    Path work;

    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final CountDownLatch received = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);

    @Test
    void aDigestInFlightInOneProcessIsNotSentByAnother() throws Exception {
        Path home = work.resolve("home");
        Openssl openssl = new Openssl(work);
        Path hookCa = openssl.ca("hook-ca", "Hook CA");
        openssl.server("hook", "hook-ca");
        SharedHomeTest.soonExpiringCa(work.resolve("soon-ca.crt"));
        HttpsServer receiver = receiver(openssl.pkcs12("hook"));
        List<Process> started = new ArrayList<>();
        try {
            oneShot(home, "ca:import " + hookCa);
            oneShot(home, "notify:webhook hook https://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

            // the warning of a CA expiring in 10 days: posted by an expiry check, sent by that process (held by the
            // receiver) or, if it ended first, waiting in the outbox for the next
            Process holder = null;
            for (String command : List.of("ca:import " + work.resolve("soon-ca.crt"), "ca:reload", "notify:send")) {
                holder = start(home, command);
                started.add(holder);
                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (holder.isAlive() && !received.await(50, TimeUnit.MILLISECONDS)) {
                    // the process either sends (and is held) or ends
                    assertTrue(System.nanoTime() < end, command + " neither sent nor ended within 3 minutes");
                }
                if (received.getCount() == 0) {
                    break;
                }
                assertEquals(0, holder.waitFor(), command + " failed");
            }
            assertEquals(0, received.getCount(), "no process sent the digest of the expiring CA");

            Process second = start(home, "notify:send");
            started.add(second);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            long notifyLock = (Long) Files.getAttribute(home.resolve("notify/notify.lock"), "unix:ino");
            while (!waitsForLock(second, notifyLock)) {
                assertTrue(second.isAlive(), "notify:send ended while another process held the digest: "
                        + new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                assertTrue(System.nanoTime() < deadline, "notify:send never waited for the notify lock");
                // polled, not spun: the shell starting beside this needs the machine's cores
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            answer.countDown();
            for (Process process : List.of(holder, second)) {
                assertTrue(process.waitFor(2, TimeUnit.MINUTES), "a shell did not end");
                assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
            oneShot(home, "notify:send");

            assertEquals(1, posts.size(), "the digest went once: " + posts);
            assertTrue(posts.get(0).contains("Soon CA"), posts.get(0));
            assertTrue(oneShot(home, "notify:list").contains("hook"));
        } finally {
            answer.countDown();
            for (Process process : started) {
                if (process.isAlive() && !process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            }
            receiver.stop(0);
        }
    }

    /**
     * Whether the process or one of its children waits for a POSIX lock on the file of inode {@code inode}, held by
     * another ({@code ->} in /proc/locks).
     */
    private static boolean waitsForLock(Process process, long inode) throws IOException {
        Set<String> pids = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> String.valueOf(handle.pid())).collect(Collectors.toSet());
        for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
            String[] words = line.trim().split("\\s+");
            // "12: -> POSIX  ADVISORY  WRITE 4711 08:01:123 0 0": a waiter, its pid, device:inode
            if (words.length > 6 && "->".equals(words[1]) && pids.contains(words[5])
                    && words[6].endsWith(":" + inode)) {
                return true;
            }
        }
        return false;
    }

    private HttpsServer receiver(Path pkcs12) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                posts.add(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
                received.countDown();
                answer.await(2, TimeUnit.MINUTES);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static Process start(Path home, String command) throws IOException {
        return new ProcessBuilder(Products.launcher("certbench-shell").toString(), "--home", home.toString(), command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String oneShot(Path home, String command) throws Exception {
        Command.Result result = new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command)
                .run();
        assertEquals(0, result.status(), () -> command + ": " + result);
        return result.out();
    }
}
