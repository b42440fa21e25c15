package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.host.ui.internal.HostCertificatesPart;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.servers.Clients;
import org.certbench.testing.servers.NginxServer;
import org.certbench.testing.servers.Pebble;
import org.certbench.testing.servers.ToolOutcome;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Host Certificates > Get from ACME CA… with a real pebble: the ACME issuer offered (only it), the renewal run in
 * the progress dialog, pebble validating http-01 through the web root of the target's own nginx, and curl verifying
 * what nginx then serves with pebble's root.
 */
class GetFromAcmeCaUiTest {

    private static final HostIdentity HOST = HostIdentity.detect();

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path work;

    @Test
    void getFromAcmeCaRenewsNginxThroughPebbleAndCurlVerifiesWithPebblesRoot() throws Exception {
        HostCertificates hosts = service(HostCertificates.class);
        Path certificate = work.resolve("tls/server.crt");
        Path key = work.resolve("tls/server.key");
        Pairs.write(Pairs.selfSigned("old.example"), certificate, key);
        Path webroot = Files.createDirectories(work.resolve("www"));
        try (Pebble pebble = Pebble.start(work.resolve("pebble"), Map.of());
                NginxServer nginx = NginxServer.withWebroot(work.resolve("nginx"), certificate, key,
                        pebble.httpPort(), webroot)) {
            Path caFile = work.resolve("acme-test-ca.pem");
            Files.writeString(caFile, pebble.caPem());
            service(TrustStore.class).importCertificate(caFile);
            pebble.resolve(HOST.fqdn());
            pebble.resolve(HOST.hostname());
            service(AcmeIssuers.class).add(new AcmeIssuerSettings("ui-acme-host", pebble.directory(),
                    Optional.of("admin@example.org"), true, Optional.empty(), new Webroot(webroot)));
            hosts.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, certificate.toString(),
                    HttpsOptions.KEY_FILE, key.toString(), HttpsOptions.RELOAD_COMMAND, nginx.reloadCommand(),
                    HttpsOptions.CHECK_ADDRESS, "127.0.0.1:" + nginx.port()));
            try {
                Shell main = ui.waitForShell("CertBench");
                commands.showView(main, "org.certbench.host.ui.part.hosts");
                ui.click(ui.byId(main, Button.class, HostCertificatesPart.REFRESH_ID));
                ui.select(ui.byId(main, Combo.class, HostCertificatesPart.TARGET_ID), "HTTPS");
                Table shown = ui.byId(main, Table.class, HostCertificatesPart.CERTIFICATE_ID);
                ui.waitUntil("the certificate nginx serves",
                        () -> ui.rows(shown).contains(List.of("Subject", "CN=old.example")));

                // through the main menu (the button, the toolbar and the context menu run the same command)
                ui.selectMenu(main, "Host Certificates", "Get from ACME CA...");
                Shell dialog = ui.waitForShell("Get a Certificate from an ACME CA");
                Combo issuer = ui.byId(dialog, Combo.class, "host.renew.issuer");
                List<String> offered = Arrays.asList(ui.onUi(issuer::getItems));
                assertTrue(offered.stream().noneMatch(item -> item.startsWith("local ")), "ACME issuers only: "
                        + offered);
                String choice = offered.stream().filter(item -> item.startsWith("ui-acme-host \u2014 ACME CA "))
                        .findFirst().orElseThrow(() -> new AssertionError(offered.toString()));
                ui.select(issuer, choice);
                ui.screenshot(dialog, Path.of("target", "screenshots", "host-get-from-acme-ca.png"));
                ui.click(ui.button(dialog, "OK"));
                Shell done = ui.waitForShell("Host Certificates");
                assertTrue(ui.texts(done).stream().anyMatch(text -> text != null
                        && text.contains("issued through ui-acme-host.")), ui.texts(done).toString());
                ui.click(ui.button(done, "OK"));

                Certificate served = hosts.show("https").certificate();
                assertTrue(served.namesHost(HOST.fqdn()), served.toString());
                ui.waitUntil("the certificate from pebble shown", () -> ui.rows(shown)
                        .contains(List.of("SHA-256 fingerprint", served.sha256Fingerprint())));
                Path root = Files.writeString(work.resolve("pebble-root.pem"), pebble.issuingRootPem(),
                        StandardCharsets.US_ASCII);
                ToolOutcome curl = Clients.curl(HOST.fqdn(), nginx.port(), root);
                assertEquals(0, curl.exitStatus(), curl.output());
                assertEquals("served by nginx", curl.output());
            } finally {
                hosts.configure("https", Map.of(HttpsOptions.CERTIFICATE_FILE, "", HttpsOptions.KEY_FILE, "",
                        HttpsOptions.RELOAD_COMMAND, "", HttpsOptions.CHECK_ADDRESS, ""));
                service(Issuers.class).remove("ui-acme-host");
            }
        }
    }

    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(GetFromAcmeCaUiTest.class).getBundleContext();
        return context.getService(context.getServiceReference(type));
    }
}
