package org.certbench.expiry.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.Table;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryOverview;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code expiry:thresholds} and {@code expiry:list} against the expiry service of the test runtime: thresholds set
 * from the shell are stored in the home and read again; bad arguments are refused in words.
 */
class ExpiryCommandsTest {

    private final BundleContext context = FrameworkUtil.getBundle(ExpiryCommandsTest.class).getBundleContext();

    @Test
    void thresholdsSetFromTheShellAreStoredAndShown() throws Exception {
        ExpiryCommands commands = new ExpiryCommands(overview(), service(org.certbench.expiry.internal.CertificateMetrics.class));
        try {
            assertEquals(List.of(new ThresholdLine("agent", List.of(60, 14, 3))),
                    commands.thresholds("agent", "14", "60", "3"));
            assertEquals(List.of(new ThresholdLine("agent", List.of(60, 14, 3))), commands.thresholds("agent"));
            assertTrue(java.nio.file.Files.readString(Path.of(System.getProperty("certbench.home"),
                    "expiry/thresholds.properties")).contains("agent=60,14,3"));
            List<ThresholdLine> all = commands.thresholds();
            assertEquals(List.of("ca", "host", "agent"), all.stream().map(ThresholdLine::kind).toList().subList(0, 3));
        } finally {
            commands.thresholds("agent", "default");
        }
        assertEquals(List.of(new ThresholdLine("agent", List.of(30, 7, 1))), commands.thresholds("agent"));
    }

    @Test
    void badArgumentsAreRefusedInWords() throws Exception {
        ExpiryCommands commands = new ExpiryCommands(overview(), service(org.certbench.expiry.internal.CertificateMetrics.class));

        CommandException days = assertThrows(CommandException.class, () -> commands.thresholds("host", "7", "soon"));
        assertEquals("'soon' is not a threshold: whole days from 0 to 3650 are expected.", days.getMessage());
        CommandException kind = assertThrows(CommandException.class, () -> commands.list(-1, "CA"));
        assertEquals("'CA' is not a kind of certificate: a lower-case word such as ca, host or agent is expected.",
                kind.getMessage());
        CommandException within = assertThrows(CommandException.class, () -> commands.list(-3, ""));
        assertEquals("--within -3: a number of days from 0 on is expected.", within.getMessage());
        assertEquals(List.of(), commands.list(0, "nothing-of-this-kind").rows());
    }

    @Test
    void contributorsThatFailAreNoticesBesideTheRowsNotOnTheProcessStderr() throws Exception {
        ExpiryCommands commands = new ExpiryCommands(overview(), service(org.certbench.expiry.internal.CertificateMetrics.class));
        // one fails inside its list (a null element), one returns no list: both named, the listing still answers
        ServiceRegistration<ExpiryContributor> broken = contributor("broken",
                Arrays.asList((ContributedCertificate) null));
        ServiceRegistration<ExpiryContributor> none = contributor("none", null);
        try {
            Table<ExpiryLine> table = commands.list(-1, "");

            assertEquals(ExpiryLine.class, table.rowType());
            assertTrue(table.notices().stream().anyMatch(notice -> notice.startsWith(
                    "The broken certificates could not be read: ")), table.notices().toString());
            assertTrue(table.notices().contains(
                    "The none certificates could not be read: the plug-in returned no list of certificates (null)"),
                    table.notices().toString());
            assertTrue(table.rows().stream().noneMatch(line -> line.kind().equals("broken")));
        } finally {
            broken.unregister();
            none.unregister();
        }
    }

    private ServiceRegistration<ExpiryContributor> contributor(String kind, List<ContributedCertificate> listed) {
        return context.registerService(ExpiryContributor.class, new ExpiryContributor() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public List<ContributedCertificate> certificates() {
                return listed;
            }
        }, null);
    }

    private ExpiryOverview overview() throws InterruptedException {
        return service(ExpiryOverview.class);
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
