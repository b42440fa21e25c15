package org.certbench.expiry.ui.internal;

import static org.certbench.expiry.ui.internal.Rows.NOW;
import static org.certbench.expiry.ui.internal.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.certbench.expiry.ExpiryRow;
import org.certbench.ui.TableRows;
import org.junit.jupiter.api.Test;

/**
 * The Expiry table's rows without the widget (the shared {@link TableRows} with the Expiry columns): sorted by
 * days left, filtered on every column. Prints how long filtering and sorting 10,000 rows take (never asserted).
 */
class ExpiryTableTest {

    private static TableRows<ExpiryLine, ExpiryColumn> model(List<ExpiryRow> rows) {
        TableRows<ExpiryLine, ExpiryColumn> model = new TableRows<>(ExpiryColumn.DAYS_LEFT, ExpiryColumn::order,
                ExpiryColumn::matches);
        model.setAll(rows.stream().map(ExpiryLine::of).toList());
        return model;
    }

    private static List<String> names(TableRows<ExpiryLine, ?> model) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            names.add(model.get(i).row().name());
        }
        return names;
    }

    @Test
    void sortedByDaysLeftFirstAndFilteredOnAnyColumn() {
        TableRows<ExpiryLine, ExpiryColumn> model = model(List.of(row("agent", "web-01", Duration.ofDays(40)),
                row("ca", "Old Root", Duration.ofDays(-2)), row("host", "https", Duration.ofHours(30))));

        assertEquals(List.of("Old Root", "https", "web-01"), names(model));
        model.setFilter("  AGENT ");
        assertEquals(List.of("web-01"), names(model));
        model.setFilter("expired");
        assertEquals(List.of("Old Root"), names(model));
        model.setFilter("https.example:443");
        assertEquals(List.of("https"), names(model), "where it is used is searched too");
        model.setFilter("");
        model.sortBy(ExpiryColumn.NAME);
        assertEquals(List.of("https", "Old Root", "web-01"), names(model));
        model.sortBy(ExpiryColumn.NAME);
        assertEquals(List.of("web-01", "Old Root", "https"), names(model));
    }

    @Test
    void cellsSayKindDaysLeftAndUrgencyInWords() {
        ExpiryLine soon = ExpiryLine.of(row("host", "https", Duration.ofHours(30)));
        ExpiryLine expired = ExpiryLine.of(row("ca", "Old Root", Duration.ofHours(-1)));
        ExpiryLine plugin = ExpiryLine.of(row("haproxy", "frontend", Duration.ofDays(31)));

        assertEquals("1", soon.cell(ExpiryColumn.DAYS_LEFT));
        assertEquals("-1", expired.cell(ExpiryColumn.DAYS_LEFT));
        assertEquals("Expires within 7 days", soon.cell(ExpiryColumn.STATUS));
        assertEquals("Expired", expired.cell(ExpiryColumn.STATUS));
        assertEquals("Valid", plugin.cell(ExpiryColumn.STATUS));
        assertEquals("Host", soon.cell(ExpiryColumn.KIND));
        assertEquals("CA", expired.cell(ExpiryColumn.KIND));
        assertEquals("haproxy", plugin.cell(ExpiryColumn.KIND), "a plug-in's kind as the plug-in names it");
        assertEquals("2026-12-04", soon.cell(ExpiryColumn.EXPIRES_ON));
        assertEquals("CN=https", soon.cell(ExpiryColumn.SUBJECT));
        assertEquals("", soon.cell(ExpiryColumn.AS_OF));
        assertEquals("2026-12-03 10:00", ExpiryLine.of(row("agent", "a", "CN=a", Duration.ofDays(3), NOW))
                .cell(ExpiryColumn.AS_OF));
    }

    @Test
    void thresholdsAreTypedAsDaysAndAWrongWordIsNamed() {
        assertEquals(List.of(90, 30, 7, 1), ThresholdText.parse("CA", " 90, 30 7;1 "));
        assertEquals(List.of(), ThresholdText.parse("CA", "  "));
        assertEquals("60, 14", ThresholdText.format(List.of(60, 14)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ThresholdText.parse("Agent", "30, 7d, 1"));
        assertEquals("The thresholds of Agent: \"7d\" is not a whole number of days.", refused.getMessage());
    }

    /** Prints the time of filter and sort over 10,000 agents: the budget is 100 ms each. */
    @Test
    void measuresFilterAndSortOfTenThousandRows() {
        List<ExpiryRow> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row("agent", "agent-" + i, "CN=agent-" + i + ".fleet.example, O=Fleet " + (i % 7),
                    Duration.ofMinutes(37L * i - 40_000), NOW));
        }
        List<ExpiryLine> lines = rows.stream().map(ExpiryLine::of).toList();
        TableRows<ExpiryLine, ExpiryColumn> model = model(List.of());
        for (int round = 0; round < 5; round++) { // warm-up: class loading and the JIT
            model.setAll(lines);
            model.setFilter("agent-99");
            model.setFilter("");
            ExpiryColumn.values()[round].order();
        }
        StringBuilder report = new StringBuilder("Expiry table, 10,000 rows, best of 5 (ms):\n");
        report.append(String.format("  cell texts of all rows (in the Job): %.1f%n",
                best(() -> rows.stream().map(ExpiryLine::of).toList().size())));
        report.append(String.format("  all rows, sorted by days left: %.1f%n", best(() -> {
            model.setAll(lines);
            return model.size();
        })));
        for (String filter : List.of("agent-99", "fleet 3", "expired", "zzz")) {
            report.append(String.format("  filter '%s': %.1f%n", filter, best(() -> {
                model.setFilter(filter);
                return model.size();
            })));
        }
        model.setFilter("");
        for (ExpiryColumn column : ExpiryColumn.values()) {
            report.append(String.format("  sort by %s: %.1f%n", column, best(() -> {
                model.sortBy(column);
                return model.size();
            })));
        }
        report.append(String.format("  timeline weeks: %.1f%n",
                best(() -> Weeks.of(rows, NOW, KindNames.BUILT_IN).highest())));
        System.out.print(report);
        assertEquals(10_000, model.size());
    }

    private static double best(IntSupplier work) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            work.getAsInt();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
