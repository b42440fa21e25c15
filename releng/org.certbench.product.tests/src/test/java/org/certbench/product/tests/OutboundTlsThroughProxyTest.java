package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first seed's proxy case, for real: squid bumps TLS with its own CA, and CertBench's outbound connection
 * verifies only once that CA is in the CA certificates — and no longer after it is deleted.
 */
class OutboundTlsThroughProxyTest {

    @TempDir
    Path work;

    @Test
    void aTlsInspectingProxyIsTrustedExactlyWhileItsCaIsInTheStore() throws Exception {
        Path pki = Files.createDirectories(work.resolve("pki"));
        Openssl openssl = new Openssl(pki);
        Path originCa = openssl.ca("origin-ca", "Origin Test CA");
        openssl.server("origin", "origin-ca");
        Path bumpCa = openssl.ca("bump-ca", "Squid Bump CA");
        Path home = work.resolve("home");

        try (OriginServer origin = OriginServer.start(openssl.pkcs12("origin"));
                Squid squid = Squid.start(Files.createDirectories(work.resolve("squid")), bumpCa,
                        pki.resolve("bump-ca.key"), originCa)) {
            assertEquals("proxy: 127.0.0.1:" + squid.port(), shell(home, "net:proxy 127.0.0.1 " + squid.port()).out().strip());

            Command.Result before = shell(home, "net:check " + origin.url());
            assertEquals(1, before.status(), before::toString);
            assertEquals("certbench-shell: The certificate presented for 127.0.0.1 through the proxy 127.0.0.1:"
                    + squid.port() + " was issued by 'Squid Bump CA', which is not in the CA certificates. If the proxy"
                    + " inspects TLS (SSL bump), import the proxy's CA certificate.\n", before.err());

            Command.Result imported = shell(home, "ca:import " + bumpCa);
            assertEquals(0, imported.status(), imported::toString);
            Matcher id = Pattern.compile("Id\\s+([0-9a-f]{64})").matcher(imported.out());
            assertTrue(id.find(), imported.out());

            Command.Result after = new Command(Products.launcher("certbench-shell"), "--home", home.toString(), "--json",
                    "net:check " + origin.url()).run();
            assertEquals(0, after.status(), after::toString);
            assertTrue(after.out().contains("\"success\":true,\"httpStatus\":200"), after.out());

            assertEquals(0, shell(home, "ca:delete " + id.group(1).substring(0, 12)).status());
            Command.Result deleted = shell(home, "net:check " + origin.url());
            assertEquals(1, deleted.status(), deleted::toString);
            assertTrue(deleted.err().contains("was issued by 'Squid Bump CA', which is not in the CA certificates"),
                    deleted.err());
        }
    }

    @Test
    void withoutAProxyTheOriginsOwnCaDecides() throws Exception {
        Path pki = Files.createDirectories(work.resolve("pki"));
        Openssl openssl = new Openssl(pki);
        Path originCa = openssl.ca("origin-ca", "Origin Test CA");
        openssl.server("origin", "origin-ca");
        Path home = work.resolve("home");

        try (OriginServer origin = OriginServer.start(openssl.pkcs12("origin"))) {
            Command.Result untrusted = shell(home, "net:check " + origin.url());
            assertEquals("certbench-shell: The certificate of 127.0.0.1 was issued by 'Origin Test CA', which is not in"
                    + " the CA certificates. The server sent no certificate of 'Origin Test CA' either: if it is an"
                    + " intermediate CA, the server's chain is incomplete and the server must send it with its own"
                    + " certificate; if it is a root CA you trust, import it.\n", untrusted.err());

            shell(home, "ca:import " + originCa);
            assertEquals(0, shell(home, "net:check " + origin.url()).status());
            assertEquals("certbench-shell: Only https:// URLs can be checked, not http://127.0.0.1/\n",
                    shell(home, "net:check http://127.0.0.1/").err());
        }
    }

    private static Command.Result shell(Path home, String command) throws Exception {
        return new Command(Products.launcher("certbench-shell"), "--home", home.toString(), command).run();
    }
}
