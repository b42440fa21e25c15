package org.certbench.agents.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import org.certbench.agents.ui.AgentsView;
import org.certbench.core.StateDirectory;
import org.certbench.ui.testing.CommandRobot;
import org.certbench.ui.testing.UiRobot;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a timed assertion (run it by name: {@code -Dtest=AgentsViewBenchmark}): the Agents view with
 * {@code certbench.bench.agents} agents (default 10,000) as a shell adds them, all behind a closed port. Printed:
 * the time until the table lists them, a refresh of all of them (each refused), the longest the event loop was kept
 * from answering meanwhile, a filter and a sort.
 */
class AgentsViewBenchmark {

    private static final int AGENTS = Integer.getInteger("certbench.bench.agents", 10_000);

    @TempDir
    Path work;

    private final UiRobot ui = UiRobot.onWorkbenchDisplay();

    private final CommandRobot commands = new CommandRobot(ui);

    @Test
    void theViewWithTenThousandAgents() throws Exception {
        Path inventory = StateDirectory.area("agents");
        try (RealAgents template = RealAgents.start(work, "bench-template")) {
            Shell main = ui.waitForShell("CertBench");
            commands.showView(main, AgentsView.PART_ID);
            Table table = ui.byId(main, Table.class, AgentsPart.TABLE_ID);
            String entry = Files.readString(inventory.resolve("bench-template.agent"));
            String port = entry.lines().filter(line -> line.startsWith("port=")).findFirst().orElseThrow();
            int closed = RealAgents.freePort();
            long start = System.nanoTime();
            for (int i = 0; i < AGENTS; i++) {
                String name = String.format("agent%05d", i);
                Path temporary = inventory.resolve(name + ".tmp");
                Files.writeString(temporary, entry.replace("name=bench-template", "name=" + name).replace(port,
                        "port=" + closed));
                Files.move(temporary, inventory.resolve(name + ".agent"), StandardCopyOption.ATOMIC_MOVE);
            }
            long written = System.nanoTime();
            ui.waitUntil("all listed", () -> ui.onUi(table::getItemCount) == AGENTS + 1,
                    java.time.Duration.ofMinutes(5));
            long listed = System.nanoTime();
            ui.waitForJobs(java.time.Duration.ofMinutes(10));
            long firstChecked = System.nanoTime();

            // the event loop's longest delay while a refresh of all of them runs
            AtomicLong worst = new AtomicLong();
            Thread pinger = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long sent = System.nanoTime();
                    ui.display().syncExec(() -> worst.accumulateAndGet(System.nanoTime() - sent, Math::max));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long refreshStart = System.nanoTime();
            ui.click(ui.byId(main, Button.class, AgentsPart.REFRESH_ID));
            ui.waitForJobs(java.time.Duration.ofMinutes(10));
            long refreshed = System.nanoTime();
            pinger.interrupt();
            pinger.join();

            Text filter = ui.byId(main, Text.class, AgentsPart.FILTER_ID);
            long filterTime = ui.onUi(() -> {
                long t0 = System.nanoTime();
                filter.setText("agent09999");
                table.getItem(0).getText();
                return System.nanoTime() - t0;
            });
            long unfilterTime = ui.onUi(() -> {
                long t0 = System.nanoTime();
                filter.setText("");
                table.getItem(table.getItemCount() - 1).getText();
                return System.nanoTime() - t0;
            });
            long sortTime = ui.onUi(() -> {
                long t0 = System.nanoTime();
                table.getColumn(AgentColumn.STATUS.ordinal()).notifyListeners(SWT.Selection, new Event());
                table.getItem(0).getText();
                return System.nanoTime() - t0;
            });
            System.out.printf("Agents view with %,d agents:%n", AGENTS);
            System.out.printf("  inventory files written      %,8d ms%n", ms(written - start));
            System.out.printf("  listed in the table          %,8d ms after the last file%n", ms(listed - written));
            System.out.printf("  first status of all (auto)   %,8d ms after listed%n", ms(firstChecked - listed));
            System.out.printf("  Refresh of all               %,8d ms%n", ms(refreshed - refreshStart));
            System.out.printf("  longest event loop delay     %,8d ms during the refresh%n", ms(worst.get()));
            System.out.printf("  filter to one row            %,8d ms%n", ms(filterTime));
            System.out.printf("  filter cleared               %,8d ms%n", ms(unfilterTime));
            System.out.printf("  sort by status               %,8d ms%n", ms(sortTime));
        } finally {
            for (int i = 0; i < AGENTS; i++) {
                Files.deleteIfExists(inventory.resolve(String.format("agent%05d.agent", i)));
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
