package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.compare.CompareDialog;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.DropTargetListener;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Compare of two CA certificates (every field, the differing ones marked), and File &gt; Open&hellip; and a drop on
 * the window of a certificate chain, a CSR and files that are refused in words. One test, one window.
 */
class CompareAndOpenFileUiTest {

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private final CommandRobot commands = new CommandRobot(ui);

    @TempDir
    Path files;

    @Test
    void compareTwoCaCertificatesThenOpenAndDropFiles() throws Exception {
        TrustStore store = store();
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
        store.importCertificate(pemFile("Compare EC Root", PkiFixtures.certificate("CN=Compare EC Root")
                .key(PkiFixtures.freshEc())));
        store.importCertificate(pemFile("Compare RSA Root", PkiFixtures.certificate("CN=Compare RSA Root")
                .key(PkiFixtures.rsa()).signatureAlgorithm("SHA256withRSA")));
        Shell main = ui.waitForShell("CertBench");
        commands.showView(main, CaCertificatesView.PART);
        Table table = ui.byId(main, Table.class, CaCertificatesPart.TABLE_ID);
        ui.waitUntil("two rows", () -> table.getItemCount() == 2);

        // one certificate: nothing to compare
        ui.selectRows(table, 0);
        assertTrue(commands.contextMenu(table).contains("Compare (disabled)"), commands.contextMenu(table).toString());
        ui.selectRows(table, 0, 1);
        assertTrue(commands.contextMenu(table).contains("Compare"), commands.contextMenu(table).toString());
        commands.contextMenu(table, "Compare");
        Shell compare = ui.waitForShell(Messages.Compare_title);
        Table compared = ui.byId(compare, Table.class, CompareDialog.TABLE_ID);
        List<List<String>> rows = ui.rows(compared);
        assertEquals(17, rows.size(), "every field of the summary");
        assertEquals(List.of("differs", "Key algorithm", "EC", "RSA"), row(rows, "Key algorithm"));
        assertEquals("differs", row(rows, "Subject").get(0));
        assertEquals("differs", row(rows, "SHA-256 fingerprint").get(0));
        assertEquals(List.of("", "Self-signed", "yes", "yes"), row(rows, "Self-signed"));
        long differing = rows.stream().filter(each -> each.get(0).equals("differs")).count();
        assertEquals(differing + " of 17 fields differ: they are marked \"differs\".",
                ui.onUi(ui.byId(compare, Label.class, CompareDialog.SUMMARY_ID)::getText));
        int keyRow = rows.indexOf(row(rows, "Key algorithm"));
        assertTrue(ui.onUi(() -> compared.getItem(keyRow).getImage(0) != null), "an icon beside the word");
        assertEquals(ui.onUi(() -> compared.getItem(keyRow).getForeground(2).getRGB()),
                ui.onUi(() -> compared.getItem(keyRow).getForeground(3).getRGB()), "both values in one colour");
        // a fingerprint is wider than its column: whole in the cell's tooltip
        int fingerprintRow = rows.indexOf(row(rows, "SHA-256 fingerprint"));
        ui.runOnUi(() -> {
            org.eclipse.swt.graphics.Rectangle cell = compared.getItem(fingerprintRow).getBounds(2);
            Event hover = new Event();
            hover.x = cell.x + 4;
            hover.y = cell.y + cell.height / 2;
            compared.notifyListeners(org.eclipse.swt.SWT.MouseHover, hover);
        });
        assertEquals(row(rows, "SHA-256 fingerprint").get(2), ui.onUi(compared::getToolTipText));
        ui.screenshot(compare, Path.of("target", "screenshots", "compare-ca-certificates.png"));
        ui.click(ui.button(compare, "Close"));
        // and from the main menu
        ui.selectMenu(main, "CA Certificates", "Compare");
        ui.clickButtonIn(Messages.Compare_title, "Close");

        // File > Open... of a chain file: each certificate, the leaf's path through the file's CA to the root
        KeyPair rootKey = PkiFixtures.freshEc();
        KeyPair caKey = PkiFixtures.freshEc();
        Path chainFile = Files.writeString(files.resolve("server chain.crt"), PkiFixtures.pem(PkiFixtures
                .certificate("CN=open.example").key(PkiFixtures.freshEc()).issuedBy("CN=Open CA", caKey)
                .dns("open.example").validity(Instant.now().minusSeconds(60), Instant.now().plusSeconds(86400))
                .build()) + PkiFixtures.pem(PkiFixtures.certificate("CN=Open CA").key(caKey)
                        .issuedBy("CN=Open Root", rootKey).ca(true).build()));
        Openssl.run(files, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "x.key", "-out", "request.csr",
                "-subj", "/CN=csr.example", "-addext", "subjectAltName=DNS:csr.example,DNS:www.csr.example");
        Path garbage = Files.write(files.resolve("garbage.cer"), new byte[] { 1, 2, 3, 4 });
        Deque<Path> chosen = new ArrayDeque<>(List.of(chainFile, files.resolve("request.csr"), garbage));
        IEclipseContext context = ui.onUi(() -> context(main));
        ui.runOnUi(() -> context.set(OpenFileChooser.class, shell -> chosen.removeFirst().toString()));
        try {
            assertTrue(commands.menuItemText(main, "File", "Open...").startsWith("Open...\t"), "a key for Open");
            int before = store.list().size();
            ui.selectMenu(main, "File", "Open...");
            Shell opened = ui.waitForShell(Messages.Open_title);
            assertEquals(chainFile + ": shown only, nothing was imported.\nThe file holds 2 certificates: each is "
                    + "shown, the first one first.", ui.onUi(ui.byId(opened, Label.class,
                            FileDetailsDialog.ABOUT_ID)::getText));
            assertEquals(List.of(List.of("open.example", "Open CA"), List.of("Open CA", "Open Root")),
                    ui.rows(ui.byId(opened, Table.class, FileDetailsDialog.LIST_ID)));
            assertTrue(ui.rows(ui.byId(opened, Table.class, FileDetailsDialog.FIELDS_ID))
                    .contains(List.of("Subject alternative names", "DNS:open.example")));
            Table chain = ui.byId(opened, Table.class, FileDetailsDialog.CHAIN_ID);
            ui.waitUntil("the path", () -> ui.rows(chain).size() == 2
                    && !ui.rows(chain).get(0).get(0).startsWith("Following"));
            assertEquals(List.of("open.example", "no"), ui.rows(chain).get(0).subList(0, 2));
            assertEquals("verified: signed by the next certificate", ui.rows(chain).get(0).get(3));
            assertEquals("not verified: its issuer (CN=Open Root) is not known", ui.rows(chain).get(1).get(3));
            ui.runOnUi(() -> ui.find(opened, TabFolder.class, folder -> true).orElseThrow().setSelection(1));
            ui.screenshot(opened, Path.of("target", "screenshots", "open-file-chain.png"));
            ui.click(ui.button(opened, "Close"));
            assertEquals(before, store.list().size(), "nothing imported");

            // the CSR, opened by the key Ctrl+O (from the CA table, as from anywhere in the window): subject,
            // names, key and its signature
            commands.press(table, org.eclipse.swt.SWT.MOD1, 'o');
            Shell request = ui.waitForShell(Messages.Open_title);
            List<List<String>> fields = ui.rows(ui.byId(request, Table.class, FileDetailsDialog.FIELDS_ID));
            assertTrue(fields.containsAll(List.of(List.of("Subject", "CN=csr.example"),
                    List.of("Subject alternative names", "DNS:csr.example, DNS:www.csr.example"),
                    List.of("Key algorithm", "RSA"), List.of("Key size", "2048 bits"),
                    List.of("Extended key usage", "none requested"),
                    List.of("Signature", "verifies: the request was signed with the key it is for"))),
                    fields.toString());
            ui.screenshot(request, Path.of("target", "screenshots", "open-file-csr.png"));
            ui.click(ui.button(request, "Close"));

            // a file that is neither: refused in words
            ui.selectMenu(main, "File", "Open...");
            Shell refused = ui.waitForShell(Messages.Open_errorTitle);
            assertTrue(ui.texts(refused).contains("The file " + garbage + " is neither PEM (text) nor DER (binary) "
                    + "encoded. Only certificates (PEM or DER) and certificate signing requests can be shown."),
                    ui.texts(refused).toString());
            ui.screenshot(refused, Path.of("target", "screenshots", "open-file-refused.png"));
            ui.click(ui.button(refused, "OK"));
        } finally {
            ui.runOnUi(() -> context.remove(OpenFileChooser.class));
        }

        // a drop on the window: the window is a file drop target; the drop itself is delivered to its listener,
        // as an XDND drag from another program cannot be driven under Xvfb
        // two files dropped together: each shown, one after another
        drop(main, chainFile, files.resolve("request.csr"));
        Shell dropped = ui.waitForShell(Messages.Open_title);
        assertEquals(2, ui.rows(ui.byId(dropped, Table.class, FileDetailsDialog.LIST_ID)).size());
        ui.click(ui.button(dropped, "Close"));
        Shell droppedRequest = ui.waitForShell(Messages.Open_title);
        assertTrue(ui.rows(ui.byId(droppedRequest, Table.class, FileDetailsDialog.FIELDS_ID))
                .contains(List.of("Subject", "CN=csr.example")), "the second file: the request");
        ui.click(ui.button(droppedRequest, "Close"));
        // more than five: the first five shown, the others named as not opened
        Path sixth = files.resolve("sixth.pem");
        Path seventh = files.resolve("seventh.pem");
        drop(main, chainFile, chainFile, chainFile, chainFile, chainFile, sixth, seventh);
        Shell tooMany = ui.waitForShell(Messages.Drop_tooManyTitle);
        assertTrue(ui.texts(tooMany).contains("7 files were dropped: the first 5 are shown one after another (nothing "
                + "is imported). Not opened: " + sixth + ", " + seventh + "."), ui.texts(tooMany).toString());
        ui.click(ui.button(tooMany, "OK"));
        for (int shown = 0; shown < DroppedFile.MOST; shown++) {
            Shell each = ui.waitForShell(Messages.Open_title);
            assertEquals(2, ui.rows(ui.byId(each, Table.class, FileDetailsDialog.LIST_ID)).size());
            ui.click(ui.button(each, "Close"));
        }
        Path fifo = files.resolve("dropped.pem");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        drop(main, fifo);
        Shell fifoRefused = ui.waitForShell(Messages.Open_errorTitle);
        assertTrue(ui.texts(fifoRefused).contains("It cannot be shown: " + fifo + " is no regular file; it was not "
                + "read."), ui.texts(fifoRefused).toString());
        ui.click(ui.button(fifoRefused, "OK"));
        for (CaEntry entry : store.list()) {
            store.delete(entry.id());
        }
    }

    private void drop(Shell main, Path... dropped) {
        ui.runOnUi(() -> {
            DropTarget target = (DropTarget) main.getData(DND.DROP_TARGET_KEY);
            assertNotNull(target, "the window takes drops");
            Transfer[] transfers = target.getTransfer();
            assertTrue(List.of(transfers).contains(FileTransfer.getInstance()), "of files");
            DropTargetEvent event = dropEvent(target, dropped);
            for (DropTargetListener listener : target.getDropListeners()) {
                listener.dragEnter(event);
                assertEquals(DND.DROP_COPY, event.detail, "a copy: nothing moved");
                listener.drop(event);
            }
        });
    }

    /** SWT makes its drop events from a package-private event class: made the same way here. */
    private static DropTargetEvent dropEvent(DropTarget target, Path... dropped) {
        try {
            Class<?> type = Class.forName("org.eclipse.swt.dnd.DNDEvent", true, DropTarget.class.getClassLoader());
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Event event = (Event) constructor.newInstance();
            event.widget = target;
            event.display = target.getDisplay();
            event.detail = DND.DROP_DEFAULT;
            event.data = java.util.Arrays.stream(dropped).map(Path::toString).toArray(String[]::new);
            Field operations = type.getDeclaredField("operations");
            operations.setAccessible(true);
            operations.setInt(event, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_LINK);
            Field dataType = type.getDeclaredField("dataType");
            dataType.setAccessible(true);
            dataType.set(event, FileTransfer.getInstance().getSupportedTypes()[0]);
            return DropTargetEvent.class.getConstructor(type).newInstance(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("SWT's drop event cannot be made", e);
        }
    }

    private static IEclipseContext context(Shell main) {
        return ((MWindow) main.getData("modelElement")).getContext();
    }

    private static List<String> row(List<List<String>> rows, String field) {
        return rows.stream().filter(each -> each.get(1).equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + field + " in " + rows));
    }

    private TrustStore store() throws InterruptedException {
        ServiceTracker<TrustStore, TrustStore> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CompareAndOpenFileUiTest.class).getBundleContext(), TrustStore.class, null);
        tracker.open();
        return tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
    }

    private Path pemFile(String name, PkiFixtures.Builder certificate) throws Exception {
        byte[] der = certificate.ca(true)
                .validity(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(400L * 86400)).build();
        return Files.writeString(files.resolve(name.replace(' ', '_') + ".pem"), PkiFixtures.pem(der));
    }
}
