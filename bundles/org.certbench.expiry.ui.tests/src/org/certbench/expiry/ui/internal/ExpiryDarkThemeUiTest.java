package org.certbench.expiry.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.Urgency;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The Expiry view in the dark theme, as GTK draws it: this class runs in a test JVM of its own started with
 * {@code GTK_THEME=Adwaita:dark} (the pom's {@code dark-theme} execution; the other classes run in the light
 * theme). A row of each urgency; each row's Status cell is copied from the screen, and the colour the view applied to
 * its text is measured against the background actually painted there (WCAG 2.1 contrast, at least 4.5:1), and
 * found among the painted pixels (the text is drawn in it, not overridden by the theme). A screenshot for a person.
 */
class ExpiryDarkThemeUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();
    private ServiceRegistration<ExpiryContributor> contribution;

    @AfterEach
    void unregister() {
        if (contribution != null) {
            contribution.unregister();
        }
    }

    @Test
    void everyStatusColourReadsOnTheBackgroundTheDarkThemePaints() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Urgency> names = Map.of("gone", Urgency.EXPIRED, "days", Urgency.WITHIN_7_DAYS, "weeks",
                Urgency.WITHIN_30_DAYS, "months", Urgency.FINE);
        List<ContributedCertificate> certificates = new ArrayList<>();
        Map<String, Integer> days = Map.of("gone", -2, "days", 3, "weeks", 20, "months", 200);
        for (String name : names.keySet()) {
            Instant notAfter = now.plus(Duration.ofDays(days.get(name)));
            certificates.add(new ContributedCertificate(name, name, "dark theme check", Certificate.fromDer(
                    PkiFixtures.certificate("CN=" + name + ".dark.test")
                            .validity(notAfter.minus(Duration.ofDays(400)), notAfter).build(), name), null));
        }
        contribution = FrameworkUtil.getBundle(ExpiryDarkThemeUiTest.class).getBundleContext().registerService(
                ExpiryContributor.class, new ExpiryContributor() {
                    @Override
                    public String kind() {
                        return "dark-check";
                    }

                    @Override
                    public List<ContributedCertificate> certificates() {
                        return certificates;
                    }
                }, null);
        Shell main = ui.waitForShell("CertBench");
        ui.runOnUi(() -> main.setSize(1200, 800));

        ui.selectMenu(main, "Window", "Show View", "Expiry");
        Table table = ui.byId(main, Table.class, ExpiryPart.TABLE_ID);
        ui.waitUntil("a row of each urgency", () -> ui.rows(table).size() == 4);
        ui.runOnUi(() -> {
            table.deselectAll();
            main.update();
        });
        ui.screenshot(main, SCREENSHOTS.resolve("expiry-view-dark.png"));

        assertTrue(ui.onUi(() -> ExpiryColors.isDark(table.getBackground())),
                "GTK_THEME=Adwaita:dark gives the table a dark background: " + ui.onUi(table::getBackground));
        List<String> problems = new ArrayList<>();
        int status = ExpiryColumn.STATUS.ordinal();
        for (int row = 0; row < 4; row++) {
            int index = row;
            String name = ui.onUi(() -> table.getItem(index).getText(ExpiryColumn.NAME.ordinal()));
            Urgency urgency = names.get(name);
            RGB applied = ui.onUi(() -> table.getItem(index).getForeground(status).getRGB());
            if (urgency != Urgency.FINE) {
                assertEquals(ExpiryColors.urgencyRgb(urgency, true), applied, name + ": the dark set's colour");
            }
            Map<RGB, Integer> painted = painted(table, index, status);
            RGB background = painted.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double contrast = ExpiryColorsTest.contrast(applied, background);
            boolean drawn = painted.keySet().stream().anyMatch(pixel -> distance(pixel, applied) <= 24);
            String measured = String.format("%s (%s): text %s on the painted background %s, %.2f:1", name,
                    urgency, applied, background, contrast);
            System.out.println("[dark theme] " + measured);
            if (!ExpiryColors.isDark(new org.eclipse.swt.graphics.Color(background))) {
                problems.add(measured + ": the painted background is not dark");
            }
            if (contrast < 4.5) {
                problems.add(measured + ": less than 4.5:1");
            }
            if (!drawn) {
                problems.add(measured + ": no pixel of the cell is drawn in the text's colour");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** How often each colour is painted in a cell, as copied from the screen. */
    private Map<RGB, Integer> painted(Table table, int row, int column) {
        return ui.onUi(() -> {
            TableItem item = table.getItem(row);
            Rectangle cell = item.getBounds(column);
            Point origin = table.toDisplay(cell.x, cell.y);
            Image image = new Image(table.getDisplay(), cell.width, cell.height);
            GC gc = new GC(table.getDisplay());
            try {
                gc.copyArea(image, origin.x, origin.y);
                ImageData data = image.getImageData();
                Map<RGB, Integer> counts = new HashMap<>();
                for (int y = 0; y < data.height; y++) {
                    for (int x = 0; x < data.width; x++) {
                        counts.merge(data.palette.getRGB(data.getPixel(x, y)), 1, Integer::sum);
                    }
                }
                return counts;
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
    }

    private static int distance(RGB one, RGB other) {
        return Math.abs(one.red - other.red) + Math.abs(one.green - other.green) + Math.abs(one.blue - other.blue);
    }
}
