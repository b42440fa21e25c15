package org.certbench.app.internal.issuers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certbench.app.internal.Messages;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.servers.Pebble;
import org.certbench.truststore.TrustStore;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Settings > Issuers > Add ACME issuer… against a real pebble: the terms of service read from the CA in a Job, OK
 * refused until "I agree" is ticked, then the account registered and the issuer listed, Show naming its CA's
 * directory and the account; removed at the end. Its test CA (pebble's TLS) is imported into the store first, as an
 * administrator imports an internal ACME CA's root.
 */
class AddAcmeIssuerPebbleUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @TempDir
    Path work;

    @Test
    void addAnAcmeIssuerAgainstPebbleAgreeingToItsTermsAndSeeItListed() throws Exception {
        try (Pebble pebble = Pebble.start(work.resolve("pebble"), Map.of())) {
            Path caFile = work.resolve("acme-test-ca.pem");
            Files.writeString(caFile, pebble.caPem());
            service(TrustStore.class).importCertificate(caFile);
            String terms = service(AcmeIssuers.class).termsOfService(pebble.directory()).orElseThrow().toString();
            Path webroot = Files.createDirectories(work.resolve("www"));

            Shell main = ui.waitForShell("CertBench");
            ui.selectMenu(main, "Settings", "Issuers...");
            Shell issuers = ui.waitForShell("Issuers");
            IssuersDialog list = ui.onUi(() -> (IssuersDialog) issuers.getData());
            Table table = ui.byId(issuers, Table.class, IssuersDialog.TABLE_ID);
            ui.waitUntil("the issuers listed", () -> ui.onUi(() -> table.getData(IssuersDialog.LOADED) != null));
            ui.click(ui.button(issuers, "Add ACME issuer..."));
            Shell shell = ui.waitForShell("Add ACME issuer");
            AddAcmeIssuerDialog dialog = ui.onUi(() -> (AddAcmeIssuerDialog) shell.getData());
            Button agree = ui.byId(shell, Button.class, AddAcmeIssuerDialog.AGREE_ID);
            Text shownTerms = ui.byId(shell, Text.class, AddAcmeIssuerDialog.TERMS_ID);

            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.NAME_ID), "ui-pebble");
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.DIRECTORY_ID), pebble.directory().toString());
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.EMAIL_ID), "admin@example.org");
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.WEBROOT_ID), webroot.toString());
            // OK before the terms were read: they are read then, shown, and asked for by the checkbox, not the
            // shell's --agree-tos
            ui.click(ui.button(shell, "OK"));
            ui.waitUntil("the terms read on OK", () -> ui.onUi(agree::getEnabled));
            assertEquals(Messages.Issuers_acmeAgreeFirst, ui.onUi(dialog::getErrorMessage));
            assertEquals(terms, ui.onUi(shownTerms::getText));
            assertFalse(ui.onUi(agree::getSelection));
            assertFalse(shell.isDisposed());

            ui.click(agree);
            assertTrue(ui.onUi(agree::getSelection));
            assertEquals(null, ui.onUi(dialog::getErrorMessage), "ticking the box answers what was asked");
            ui.screenshot(shell, Path.of("target", "screenshots", "settings-issuers-add-acme-pebble.png"));
            ui.click(ui.button(shell, "OK"));
            ui.waitUntil("the account registered and the dialog closed", shell::isDisposed);

            ui.waitUntil("the ACME issuer listed", () -> ui.rowIndex(table, 0, "ui-pebble") >= 0);
            List<String> row = ui.rows(table).get(ui.rowIndex(table, 0, "ui-pebble"));
            assertEquals(List.of("ui-pebble", "acme", Messages.Issuers_noCa, "", "host", "no"), row);

            ui.selectRows(table, ui.rowIndex(table, 0, "ui-pebble"));
            ui.click(ui.button(issuers, "Show..."));
            Shell details = ui.waitForShell("Issuer ui-pebble");
            String shown = ui.onUi(() -> ui.byId(details, Text.class, IssuerDetailsDialog.TEXT_ID).getText());
            assertTrue(shown.contains("Type: acme"), shown);
            assertTrue(shown.contains("ACME CA " + pebble.directory() + ", account https://127.0.0.1:"), shown);
            assertTrue(shown.contains("http-01 by web root " + webroot), shown);
            ui.screenshot(details, Path.of("target", "screenshots", "settings-issuers-acme-details.png"));
            ui.click(ui.button(details, "Close"));
            ui.screenshot(issuers, Path.of("target", "screenshots", "settings-issuers-acme-listed.png"));

            ui.click(ui.button(issuers, "Remove"));
            ui.clickButtonIn("Remove issuer", "OK");
            ui.waitUntil("the ACME issuer to go", () -> ui.rowIndex(table, 0, "ui-pebble") < 0);
            assertEquals(null, ui.onUi(list::getErrorMessage));
            ui.click(ui.button(issuers, "Close"));
        }
    }

    @Test
    void aCaThatRequiresAnExternalAccountBindingIsAskedForInTheDialogsFields() throws Exception {
        try (Pebble pebble = Pebble.start(work.resolve("pebble-eab"), Map.of("kid-1",
                "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"))) {
            Path caFile = work.resolve("acme-eab-test-ca.pem");
            Files.writeString(caFile, pebble.caPem());
            service(TrustStore.class).importCertificate(caFile);

            Shell main = ui.waitForShell("CertBench");
            ui.selectMenu(main, "Settings", "Issuers...");
            Shell issuers = ui.waitForShell("Issuers");
            ui.click(ui.button(issuers, "Add ACME issuer..."));
            Shell shell = ui.waitForShell("Add ACME issuer");
            AddAcmeIssuerDialog dialog = ui.onUi(() -> (AddAcmeIssuerDialog) shell.getData());
            Button agree = ui.byId(shell, Button.class, AddAcmeIssuerDialog.AGREE_ID);
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.NAME_ID), "ui-pebble-eab");
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.DIRECTORY_ID), pebble.directory().toString());
            ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.WEBROOT_ID),
                    Files.createDirectories(work.resolve("www-eab")).toString());
            ui.click(ui.button(shell, "Read terms"));
            ui.waitUntil("the CA's terms read", () -> ui.onUi(agree::getEnabled));
            ui.click(agree);

            ui.click(ui.button(shell, "OK"));
            ui.waitUntil("the binding asked for", () -> ui.onUi(dialog::getErrorMessage) != null);

            assertEquals(Messages.Issuers_acmeEabRequired, ui.onUi(dialog::getErrorMessage));
            assertFalse(ui.onUi(dialog::getErrorMessage).contains("--eab"));
            assertFalse(shell.isDisposed());
            ui.click(ui.button(shell, "Cancel"));
            ui.click(ui.button(issuers, "Close"));
        }
    }

    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(AddAcmeIssuerPebbleUiTest.class).getBundleContext();
        return context.getService(context.getServiceReference(type));
    }
}
