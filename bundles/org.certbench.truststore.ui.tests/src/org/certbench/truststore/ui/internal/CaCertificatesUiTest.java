package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.certbench.crypto.CertificateDetail;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** The CA Certificates view as an administrator uses it: the wizard, details, filter, delete. */
class CaCertificatesUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @TempDir
    Path files;

    private TrustStore store;
    private Shell main;
    private Table table;

    @BeforeEach
    void emptyStoreAndView() throws Exception {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CaCertificatesUiTest.class).getBundleContext(), TrustStore.class, null);
        tracker.open();
        store = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
        main = ui.waitForShell("CertBench");
        table = ui.byId(main, Table.class, CaCertificatesPart.TABLE_ID);
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.RELOAD_ID));
        ui.clickButtonIn(Messages.Reload_title, "OK");
        ui.waitUntil("an empty table", () -> table.getItemCount() == 0);
    }

    private Path pemFile(String name, byte[] der) throws Exception {
        return Files.writeString(files.resolve(name), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theWizardUploadsShowsTheDetailsAndImports() throws Exception {
        String name = unique("Wizard Root");
        Path file = pemFile("root.pem", PkiFixtures.certificate("CN=" + name).key(PkiFixtures.freshEc()).ca(true)
                .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build());

        ui.click(ui.byId(main, Button.class, CaCertificatesPart.NEW_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        Button importButton = ui.button(wizard, "Import");
        assertFalse(ui.onUi(importButton::isEnabled), "Import waits for Upload");
        ui.type(ui.byId(wizard, Text.class, UploadPage.FILE_ID), file.toString());
        ui.click(ui.byId(wizard, Button.class, UploadPage.UPLOAD_ID));
        Text result = ui.byId(wizard, Text.class, UploadPage.RESULT_ID);
        ui.waitUntil("the details", () -> result.getText().contains("Common Name: " + name));
        ui.screenshot(wizard, Path.of("target", "screenshots", "new-ca-certificate-wizard.png"));
        assertTrue(ui.onUi(importButton::isEnabled));

        ui.click(importButton);

        ui.waitUntil("the wizard to close", wizard::isDisposed);
        ui.waitUntil("the new row", () -> ui.rowIndex(table, 0, name) >= 0);
        assertEquals(1, store.list().size());
        // its status as every view shows one: an icon, and a colour chosen for the background (green on a light one)
        int row = ui.rowIndex(table, 0, name);
        int status = CaColumn.STATUS.ordinal();
        assertTrue(ui.onUi(() -> table.getItem(row).getImage(status) != null), "the status's icon");
        assertEquals(new RGB(0x1a, 0x7f, 0x37), ui.onUi(() -> table.getItem(row).getForeground(status).getRGB()));
        ui.screenshot(main, Path.of("target", "screenshots", "ca-certificates.png"));
    }

    @Test
    void theWizardShowsWhyAnExpiredCertificateIsRefused() throws Exception {
        Path file = pemFile("expired.pem", PkiFixtures.certificate("CN=" + unique("Expired Root")).ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).build());

        ui.click(ui.byId(main, Button.class, CaCertificatesPart.NEW_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        ui.type(ui.byId(wizard, Text.class, UploadPage.FILE_ID), file.toString());
        ui.click(ui.byId(wizard, Button.class, UploadPage.UPLOAD_ID));
        Text result = ui.byId(wizard, Text.class, UploadPage.RESULT_ID);
        ui.waitUntil("the reason", () -> result.getText().contains("expired on"));

        assertTrue(ui.onUi(result::getText).startsWith("\u2716 expired on 2021-01-01"), ui.onUi(result::getText));
        assertFalse(ui.onUi(ui.button(wizard, "Import")::isEnabled));
        ui.click(ui.button(wizard, "Cancel"));
        ui.waitUntil("the wizard to close", wizard::isDisposed);
        assertEquals(List.of(), store.list());
    }

    @Test
    void aFileThatIsNoCertificateIsRefusedInWords() throws Exception {
        Path file = Files.writeString(files.resolve("notes.pem"), "just some notes");

        ui.click(ui.byId(main, Button.class, CaCertificatesPart.NEW_ID));
        Shell wizard = ui.waitForShell(Messages.Wizard_title);
        ui.type(ui.byId(wizard, Text.class, UploadPage.FILE_ID), file.toString());
        ui.click(ui.byId(wizard, Button.class, UploadPage.UPLOAD_ID));
        Text result = ui.byId(wizard, Text.class, UploadPage.RESULT_ID);

        ui.waitUntil("the reason", () -> result.getText().startsWith("The file " + file));
        ui.click(ui.button(wizard, "Cancel"));
    }

    @Test
    void deleteAsksFirstAndCancelKeepsTheCertificate() throws Exception {
        String name = unique("Delete Root");
        store.importCertificate(pemFile("delete.pem", PkiFixtures.certificate("CN=" + name)
                .key(PkiFixtures.freshEc()).ca(true)
                .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build()));
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.RELOAD_ID));
        ui.clickButtonIn(Messages.Reload_title, "OK");
        ui.waitUntil("the row", () -> ui.rowIndex(table, 0, name) >= 0);

        ui.selectRows(table, ui.rowIndex(table, 0, name));
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.DELETE_ID));
        Shell confirm = ui.waitForShell(Messages.Delete_title);
        assertTrue(ui.texts(confirm).stream().anyMatch(text -> text.startsWith("Delete the CA certificate '" + name + "'?")));
        ui.click(ui.button(confirm, "Cancel"));
        assertEquals(1, store.list().size());

        ui.selectRows(table, ui.rowIndex(table, 0, name));
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.DELETE_ID));
        ui.clickButtonIn(Messages.Delete_title, "Delete");

        ui.waitUntil("the row to go", () -> ui.rowIndex(table, 0, name) < 0);
        assertEquals(List.of(), store.list());
    }

    @Test
    void detailsShowTheFieldsAndTheFilterNarrowsTheTable() throws Exception {
        String first = unique("Alpha Root");
        String second = unique("Beta Root");
        for (String name : List.of(first, second)) {
            store.importCertificate(pemFile(name.replace(' ', '_') + ".pem", PkiFixtures.certificate("CN=" + name + ",O=Shared Org")
                    .key(PkiFixtures.freshEc()).ca(true)
                    .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build()));
        }
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.RELOAD_ID));
        ui.clickButtonIn(Messages.Reload_title, "OK");
        ui.waitUntil("two rows", () -> table.getItemCount() == 2);

        ui.selectRows(table, 0, 1);
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.DETAILS_ID));
        Shell details = ui.waitForShell(Messages.Details_title);
        List<List<String>> rows = ui.rows(ui.byId(details, Table.class, CaDetailsDialog.TABLE_ID));
        assertTrue(rows.contains(List.of("Key algorithm", "EC")) || rows.stream().anyMatch(row -> row.get(1).equals("EC")),
                rows.toString());
        assertTrue(rows.stream().noneMatch(row -> row.get(1).contains(first)), "differing names are left out: " + rows);
        ui.click(ui.button(details, "Close"));

        ui.type(ui.byId(main, Text.class, CaCertificatesPart.FILTER_ID), "beta");
        ui.waitUntil("one row", () -> table.getItemCount() == 1);
        assertEquals(second, ui.rows(table).get(0).get(0));

        // the start of a fingerprint as openssl prints it, colons and all, finds the CA too
        String fingerprint = store.list().stream().filter(entry -> entry.commonName().equals(second)).findFirst()
                .orElseThrow().certificate().sha256Fingerprint();
        ui.type(ui.byId(main, Text.class, CaCertificatesPart.FILTER_ID), "");
        ui.waitUntil("both rows", () -> table.getItemCount() == 2);
        ui.type(ui.byId(main, Text.class, CaCertificatesPart.FILTER_ID), fingerprint.substring(0, 23));
        ui.waitUntil("the CA with that fingerprint", () -> table.getItemCount() == 1);
        assertEquals(second, ui.rows(table).get(0).get(0));
        ui.type(ui.byId(main, Text.class, CaCertificatesPart.FILTER_ID), "");
    }

    @Test
    void aPluginsDetailsContributorAddsItsRowsWhileItIsRegistered() throws Exception {
        String first = unique("Gamma Root");
        String second = unique("Delta Root");
        for (String name : List.of(first, second)) {
            store.importCertificate(pemFile(name.replace(' ', '_') + ".pem", PkiFixtures.certificate("CN=" + name)
                    .key(PkiFixtures.freshEc()).ca(true)
                    .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build()));
        }
        // as a plug-in's DS component would register it: one row shared by all, one row of its own per certificate
        CertificateDetailsContributor audit = certificate -> List.of(new CertificateDetail("Audit", "approved"),
                new CertificateDetail("Audit ticket", "T-" + certificate.commonName()));
        ServiceRegistration<CertificateDetailsContributor> registration = FrameworkUtil
                .getBundle(CaCertificatesUiTest.class).getBundleContext()
                .registerService(CertificateDetailsContributor.class, audit, null);
        try {
            ui.click(ui.byId(main, Button.class, CaCertificatesPart.RELOAD_ID));
            ui.clickButtonIn(Messages.Reload_title, "OK");
            ui.waitUntil("two rows", () -> table.getItemCount() == 2);

            ui.selectRows(table, ui.rowIndex(table, 0, first));
            List<List<String>> one = detailRows();
            assertTrue(one.contains(List.of("Audit", "approved")) && one.contains(List.of("Audit ticket", "T-" + first)),
                    one.toString());

            ui.selectRows(table, 0, 1);
            List<List<String>> several = detailRows();
            assertTrue(several.contains(List.of("Audit", "approved")), several.toString());
            assertTrue(several.stream().noneMatch(row -> row.get(0).equals("Audit ticket")), "differs, so left out: " + several);
        } finally {
            registration.unregister();
        }
        ui.selectRows(table, ui.rowIndex(table, 0, first));
        // e4 re-injects the contributors when the service goes, an event later: details opened from then on
        // leave the plug-in's rows out
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<List<String>> after = detailRows("Self-signed");
        while (after.stream().anyMatch(row -> row.get(0).startsWith("Audit")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = detailRows("Self-signed");
        }
        assertTrue(after.stream().noneMatch(row -> row.get(0).startsWith("Audit")), "gone with the plug-in: " + after);
    }

    /** Opens Details for the selection, waits until the row labelled {@code last} is there, closes it. */
    private List<List<String>> detailRows(String... last) {
        ui.click(ui.byId(main, Button.class, CaCertificatesPart.DETAILS_ID));
        Shell details = ui.waitForShell(Messages.Details_title);
        Table rows = ui.byId(details, Table.class, CaDetailsDialog.TABLE_ID);
        String awaited = last.length == 0 ? "Audit" : last[0];
        ui.waitUntil("the row " + awaited, () -> ui.rows(rows).stream().anyMatch(row -> row.get(0).equals(awaited)));
        ui.waitForJobs(java.time.Duration.ofSeconds(10));
        List<List<String>> shown = ui.rows(rows);
        ui.click(ui.button(details, "Close"));
        return shown;
    }
}
