package org.certbench.host.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.servers.NginxServer;

/** Opens the package's test helpers to the commands' tests in the package beside it. */
public final class HostCertificatesForTests {

    private HostCertificatesForTests() {
    }

    /** The real service with both built-in targets, its settings in {@code work/home/host}. */
    public static HostCertificates service(Path work) {
        HostCertificateService service = new HostCertificateService(work.resolve("home/host"), new RecordedMessages(),
                HostIdentity::detect, Clock.systemUTC(), Duration.ofSeconds(3), false);
        service.addTarget(new HttpsTarget());
        service.addTarget(new PostgresTarget());
        return service;
    }

    /** A real nginx serving a self-signed certificate for old.example from {@code work/tls}. */
    public static RunningNginx nginxServingAnotherHost(Path work) throws Exception {
        Path certificate = work.resolve("tls/server.crt");
        Path key = work.resolve("tls/server.key");
        Pairs.write(Pairs.selfSigned("old.example"), certificate, key);
        return new RunningNginx(NginxServer.start(work.resolve("nginx"), certificate, key), certificate, key);
    }

    public record RunningNginx(NginxServer server, Path certificateFile, Path keyFile) implements AutoCloseable {

        public int port() {
            return server.port();
        }

        public String reloadCommand() {
            return server.reloadCommand();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
