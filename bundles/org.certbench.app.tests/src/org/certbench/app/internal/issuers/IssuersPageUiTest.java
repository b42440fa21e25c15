package org.certbench.app.internal.issuers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.certbench.app.internal.Messages;
import org.certbench.app.internal.renewal.RenewalSchedule;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings > Issuers against the real issuers service: the built-in local CA listed, a command issuer added (an
 * openssl CA made for the test; bad program lines and the service's refusals shown in words), shown, its CA
 * certificate exported and checked by openssl, the local CA's removal refused, the command issuer removed.
 */
class IssuersPageUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @TempDir
    Path work;

    @Test
    void listAddShowExportAndRemoveACommandIssuer() throws Exception {
        Path caKey = work.resolve("site-ca.key");
        Path caFile = work.resolve("site-ca.pem");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                "/CN=Test Site CA", "-days", "30", "-keyout", caKey.toString(), "-out", caFile.toString());
        Shell main = ui.waitForShell("CertBench");

        ui.selectMenu(main, "Settings", "Issuers...");
        Shell shell = ui.waitForShell("Issuers");
        IssuersDialog dialog = ui.onUi(() -> (IssuersDialog) shell.getData());
        Table table = ui.byId(shell, Table.class, IssuersDialog.TABLE_ID);
        ui.waitUntil("the issuers listed", () -> ui.onUi(() -> table.getData(IssuersDialog.LOADED) != null));
        List<String> local = ui.rows(table).get(ui.rowIndex(table, 0, "local"));
        assertEquals(List.of("local", "local"), local.subList(0, 2));
        assertEquals(List.of("agent, host", "yes"), local.subList(4, 6));

        Button schedule = ui.byId(shell, Button.class, IssuersDialog.SCHEDULE_ID);
        assertTrue(ui.onUi(schedule::getSelection), "the workbench renews on its own unless switched off");
        ui.click(schedule);
        assertFalse(RenewalSchedule.isEnabled());
        ui.click(schedule);
        assertTrue(RenewalSchedule.isEnabled());

        ui.click(ui.button(shell, "Add command issuer..."));
        Shell add = ui.waitForShell("Add command issuer");
        AddCommandIssuerDialog adding = ui.onUi(() -> (AddCommandIssuerDialog) add.getData());
        ui.type(ui.byId(add, Text.class, AddCommandIssuerDialog.NAME_ID), "site");
        ui.type(ui.byId(add, Text.class, AddCommandIssuerDialog.CA_ID), caFile.toString());
        Text program = ui.byId(add, Text.class, AddCommandIssuerDialog.PROGRAM_ID);

        ui.type(program, "openssl x509 -req -in {csr} -CAkey '" + caKey);
        assertEquals(Messages.Issuers_unclosedSingle, ui.onUi(adding::getErrorMessage));
        assertFalse(ui.onUi(ui.button(add, "OK")::isEnabled), "OK with an unclosed quote");

        ui.type(program, "openssl x509 -req -in {csr}");
        ui.click(ui.button(add, "OK"));
        ui.waitUntil("the service's refusal", () -> ui.onUi(adding::getErrorMessage) != null
                && !ui.onUi(adding::getErrorMessage).equals(Messages.Issuers_unclosedSingle));
        assertTrue(ui.onUi(adding::getErrorMessage).startsWith("A command issuer's program must take the request"),
                ui.onUi(adding::getErrorMessage));

        ui.type(program, "openssl x509 -req -in {csr} -CA \"" + caFile + "\" -CAkey '" + caKey
                + "' -out {cert} -days 30 -copy_extensions copyall");
        ui.click(ui.button(add, "OK"));
        ui.waitUntil("the add dialog to close", () -> add.isDisposed());
        ui.waitUntil("the command issuer listed", () -> ui.rowIndex(table, 0, "site") >= 0);
        List<String> site = ui.rows(table).get(ui.rowIndex(table, 0, "site"));
        assertEquals(List.of("site", "command", "CN=Test Site CA"), site.subList(0, 3));
        assertEquals(List.of("agent, host", "no"), site.subList(4, 6));
        ui.screenshot(shell, Path.of("target", "screenshots", "settings-issuers.png"));

        ui.selectRows(table, ui.rowIndex(table, 0, "site"));
        ui.click(ui.button(shell, "Show..."));
        Shell details = ui.waitForShell("Issuer site");
        String shown = ui.onUi(() -> ui.byId(details, Text.class, IssuerDetailsDialog.TEXT_ID).getText());
        assertTrue(shown.contains("Type: command") && shown.contains("CA certificate: CN=Test Site CA")
                && shown.contains("-copy_extensions copyall"), shown);
        ui.click(ui.button(details, "Close"));

        Path exported = work.resolve("exported.pem");
        ui.runOnUi(() -> dialog.export("site", exported));
        assertEquals("subject=CN=Test Site CA",
                openssl("x509", "-in", exported.toString(), "-noout", "-subject", "-nameopt", "RFC2253"));

        ui.selectRows(table, ui.rowIndex(table, 0, "local"));
        ui.click(ui.button(shell, "Remove"));
        ui.clickButtonIn("Remove issuer", "OK");
        ui.waitUntil("the service's refusal", () -> ui.onUi(dialog::getErrorMessage) != null);
        assertTrue(ui.onUi(dialog::getErrorMessage)
                .startsWith("The issuer local is neither a command nor an ACME issuer and cannot be removed"),
                ui.onUi(dialog::getErrorMessage));

        ui.selectRows(table, ui.rowIndex(table, 0, "site"));
        ui.click(ui.button(shell, "Remove"));
        ui.clickButtonIn("Remove issuer", "OK");
        ui.waitUntil("the command issuer to go", () -> ui.rowIndex(table, 0, "site") < 0);
        assertEquals(null, ui.onUi(dialog::getErrorMessage));
        ui.click(ui.button(shell, "Close"));
    }

    private static String openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
