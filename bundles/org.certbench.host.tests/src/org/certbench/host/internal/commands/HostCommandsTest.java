package org.certbench.host.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.host.internal.HostCertificatesForTests;
import org.certbench.core.commands.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code host:*} over the real service and a real nginx, as a headless administrator uses them. */
class HostCommandsTest {

    @TempDir
    Path work;

    private HostCertificatesForTests.RunningNginx nginx;
    private HostCommands commands;
    private HostIdentity host;

    @BeforeEach
    void start() throws Exception {
        nginx = HostCertificatesForTests.nginxServingAnotherHost(work);
        HostCertificates service = HostCertificatesForTests.service(work);
        host = service.host();
        commands = new HostCommands(service);
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private void configure() {
        commands.configure("https", "certificate.file=" + nginx.certificateFile(), "key.file=" + nginx.keyFile(),
                "reload.command=" + nginx.reloadCommand(), "check.address=127.0.0.1:" + nginx.port());
    }

    @Test
    void configureThenListShowsTheTargetSetUp() {
        HostSettingsShown shown = commands.configure("https", "certificate.file=" + nginx.certificateFile());

        assertEquals("certificate.file=" + nginx.certificateFile(), shown.settings().get(0));
        assertEquals("key.file (required, not set)", shown.settings().get(1));
        assertEquals(List.of(new HostRow("https", "HTTPS", false), new HostRow("postgresql", "PostgreSQL", false)),
                commands.list());
        configure();
        assertEquals(new HostRow("https", "HTTPS", true), commands.list().get(0));
    }

    @Test
    void anAssignmentWithoutEqualsSignIsRefused() {
        CommandException refused = assertThrows(CommandException.class, () -> commands.configure("https", "colour"));

        assertEquals("not KEY=VALUE: colour", refused.getMessage());
    }

    @Test
    void showTellsWhatIsServedAndWhyItNeedsANewCertificate() {
        configure();

        HostShown shown = commands.show("https");

        assertNull(shown.problem());
        assertEquals("old.example", shown.served().commonName());
        assertTrue(shown.warnings().get(0).contains("does not cover this host"), shown.warnings().toString());
    }

    @Test
    void generateAppliesAndShowThenHasNoWarnings() {
        configure();

        HostApplied applied = commands.generate("https");

        assertEquals("generated for " + host.fqdn() + " and served", applied.result());
        assertEquals(host.fqdn(), applied.certificate().commonName());
        assertEquals(List.of(), commands.show("https").warnings());
    }

    @Test
    void checkOfARefusedPairFailsWithTheReason() throws Exception {
        Path notes = work.resolve("notes.crt");
        Files.writeString(notes, "not a certificate\n");

        CommandException refused = assertThrows(CommandException.class,
                () -> commands.check(notes.toString(), nginx.keyFile().toString()));

        assertEquals("would be refused: The file " + notes + " contains no certificate.", refused.getMessage());
    }

    @Test
    void checkOfAnAcceptablePairReturnsItsWarningsAndAppliesNothing() throws Exception {
        String before = Files.readString(nginx.certificateFile());

        HostChecked checked = commands.check(nginx.certificateFile().toString(), nginx.keyFile().toString());

        assertEquals("would be accepted with warnings", checked.result());
        assertTrue(checked.warnings().get(0).contains("does not cover this host"), checked.warnings().toString());
        assertEquals(before, Files.readString(nginx.certificateFile()));
    }

    @Test
    void aMissingFileIsNamed() {
        CommandException missing = assertThrows(CommandException.class,
                () -> commands.upload("https", work.resolve("absent.crt").toString(), nginx.keyFile().toString()));

        assertEquals("no such file: " + work.resolve("absent.crt"), missing.getMessage());
    }
}
