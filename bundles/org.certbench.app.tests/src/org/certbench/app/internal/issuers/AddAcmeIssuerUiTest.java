package org.certbench.app.internal.issuers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.certbench.app.internal.Messages;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/**
 * Settings > Issuers > Add ACME issuer… against the real ACME issuers service, without a CA: on the dialog base, OK
 * waits while a field is missing or wrong and the error line says which, in words, once a field changed; the terms
 * of service read in a Job from a directory URL where nothing listens — the service's reason shown and the "I agree"
 * checkbox left off. (Adding against a real ACME server is AcmeIssuerPebbleTest's, through the same service.)
 */
class AddAcmeIssuerUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    @Test
    void refusalsInWordsAndTermsThatCannotBeReadLeaveTheCheckboxOff() throws Exception {
        Shell main = ui.waitForShell("CertBench");
        ui.selectMenu(main, "Settings", "Issuers...");
        Shell issuers = ui.waitForShell("Issuers");
        ui.click(ui.button(issuers, "Add ACME issuer..."));
        Shell shell = ui.waitForShell("Add ACME issuer");
        AddAcmeIssuerDialog dialog = ui.onUi(() -> (AddAcmeIssuerDialog) shell.getData());
        assertTrue(dialog instanceof org.certbench.ui.dialogs.FormDialog, "on the dialog base");
        Button agree = ui.byId(shell, Button.class, AddAcmeIssuerDialog.AGREE_ID);
        Button ok = ui.button(shell, "OK");
        Text directory = ui.byId(shell, Text.class, AddAcmeIssuerDialog.DIRECTORY_ID);
        assertFalse(ui.onUi(agree::getEnabled), "nothing to agree to before the terms are read");
        assertFalse(ui.onUi(ok::getEnabled), "OK before any field is given");
        assertEquals(null, ui.onUi(dialog::getErrorMessage), "no error before anything was changed");

        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.NAME_ID), "ui-acme");
        assertEquals(Messages.Issuers_acmeDirectoryMissing, ui.onUi(dialog::getErrorMessage));
        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.NAME_ID), " ");
        assertEquals(Messages.Issuers_nameMissing, ui.onUi(dialog::getErrorMessage));
        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.NAME_ID), "ui-acme");

        ui.type(directory, "http://ca.example/directory");
        assertEquals(NLS.bind(Messages.Issuers_acmeDirectoryInvalid, "http://ca.example/directory"),
                ui.onUi(dialog::getErrorMessage));
        assertFalse(ui.onUi(ok::getEnabled));

        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        String url = "https://127.0.0.1:" + closed + "/dir";
        ui.type(directory, url);
        assertEquals(Messages.Issuers_acmeWebrootMissing, ui.onUi(dialog::getErrorMessage));
        ui.click(ui.button(shell, "Read terms"));
        ui.waitUntil("the service's reason", () -> ui.onUi(dialog::getErrorMessage) != null
                && ui.onUi(dialog::getErrorMessage).contains("connection refused"));
        assertTrue(ui.onUi(dialog::getErrorMessage).contains("127.0.0.1:" + closed), ui.onUi(dialog::getErrorMessage));
        assertEquals(Messages.Issuers_acmeTermsNotRead,
                ui.onUi(() -> ui.byId(shell, Text.class, AddAcmeIssuerDialog.TERMS_ID).getText()));
        assertFalse(ui.onUi(agree::getEnabled));

        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.EAB_KID_ID), "kid-1");
        assertEquals(Messages.Issuers_acmeEabIncomplete, ui.onUi(dialog::getErrorMessage));
        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.EAB_KID_ID), "");
        assertEquals(Messages.Issuers_acmeWebrootMissing, ui.onUi(dialog::getErrorMessage));

        ui.click(ui.byId(shell, Button.class, AddAcmeIssuerDialog.STANDALONE_CHOICE_ID));
        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.PORT_ID), "99999");
        assertEquals(NLS.bind(Messages.Issuers_acmePortInvalid, "99999"), ui.onUi(dialog::getErrorMessage));
        assertFalse(ui.onUi(ok::getEnabled));
        ui.screenshot(shell, java.nio.file.Path.of("target", "screenshots", "settings-issuers-add-acme-refused.png"));

        ui.type(ui.byId(shell, Text.class, AddAcmeIssuerDialog.PORT_ID), "8080");
        assertEquals(null, ui.onUi(dialog::getErrorMessage), "nothing wrong left in the fields");
        assertTrue(ui.onUi(ok::getEnabled), "OK once every field is right");

        ui.click(ui.button(shell, "Cancel"));
        ui.click(ui.button(issuers, "Close"));
    }
}
