package org.certbench.expiry.internal.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Parameter;
import org.certbench.core.AtomicFiles;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.core.commands.Table;
import org.certbench.expiry.ExpiryException;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.CheckResult;
import org.certbench.expiry.internal.CertificateMetrics;
import org.certbench.expiry.internal.Messages;
import org.certbench.expiry.internal.PrometheusText;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code expiry:*} — the expiry overview, its check and its thresholds, headless. */
@Component(service = ExpiryCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=expiry",
        CommandProcessor.COMMAND_FUNCTION + "=list",
        CommandProcessor.COMMAND_FUNCTION + "=check",
        CommandProcessor.COMMAND_FUNCTION + "=thresholds",
        CommandProcessor.COMMAND_FUNCTION + "=metrics",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.expiry.internal.commands.expiryhelp" })
public final class ExpiryCommands {

    private static final String NO_VALUE = "-1"; //$NON-NLS-1$
    private static final String DEFAULT = "default"; //$NON-NLS-1$

    private static final String PROM = ".prom"; //$NON-NLS-1$
    /** Readable by node_exporter, which runs as another user; written by this one only. */
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--"); //$NON-NLS-1$

    private final ExpiryOverview overview;
    private final CertificateMetrics metrics;

    @Activate
    public ExpiryCommands(@Reference ExpiryOverview overview, @Reference CertificateMetrics metrics) {
        this.overview = overview;
        this.metrics = metrics;
    }

    /**
     * Without {@code --out}: the metrics as text. With it: the file replaced atomically (never read half-written by
     * node_exporter's textfile collector), and a line saying how many series it holds.
     */
    public String metrics(@Parameter(names = "--out", absentValue = "") String out) {
        Path file = null;
        if (!out.isEmpty()) {
            file = Path.of(out).toAbsolutePath();
            if (file.getFileName() == null || !file.getFileName().toString().endsWith(PROM)) {
                throw new CommandException(NLS.bind(Messages.Metrics_notProm, out));
            }
        }
        PrometheusText text = metrics.metrics();
        if (file == null) {
            return text.text();
        }
        try {
            AtomicFiles.write(file, text.text().getBytes(StandardCharsets.UTF_8), WORLD_READABLE);
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Metrics_cannotWrite, file, e.getMessage()), e);
        }
        StringBuilder said = new StringBuilder(NLS.bind(Messages.Metrics_written, text.series(), file));
        text.problems().forEach(problem -> said.append('\n').append(problem));
        return said.toString();
    }

    public Table<ExpiryLine> list(
            @Parameter(names = "--within", absentValue = NO_VALUE) long within,
            @Parameter(names = "--kind", absentValue = "") String kind) {
        if (!kind.isEmpty() && !ExpiryKinds.isValid(kind)) {
            throw new CommandException(NLS.bind(Messages.Thresholds_badKind, kind));
        }
        if (within < -1) {
            throw new CommandException(NLS.bind(Messages.Within_bad, within));
        }
        ExpiryList listed = overview.rows();
        List<ExpiryLine> lines = new ArrayList<>();
        for (ExpiryRow row : listed.rows()) {
            if ((kind.isEmpty() || kind.equals(row.kind())) && (within < 0 || row.daysLeft() <= within)) {
                lines.add(ExpiryLine.of(row));
            }
        }
        // a source that could not be read leaves its rows out: its notice goes with the result, the rows stay a table
        return new Table<>(ExpiryLine.class, lines, listed.problems());
    }

    public CheckLine check() {
        CheckResult result = overview.check();
        return new CheckLine(result.checked(), result.posted(), result.problems());
    }

    /** No argument: every kind's; a kind: its thresholds; a kind and days (or "default"): sets them. */
    public List<ThresholdLine> thresholds(String... arguments) {
        if (arguments.length == 0) {
            Set<String> kinds = new LinkedHashSet<>(List.of(ExpiryKinds.CA, ExpiryKinds.HOST, ExpiryKinds.AGENT));
            overview.rows().rows().forEach(row -> kinds.add(row.kind()));
            return kinds.stream().map(this::line).toList();
        }
        String kind = checkedKind(arguments[0]);
        if (arguments.length == 1) {
            return List.of(line(kind));
        }
        List<Integer> values = new ArrayList<>();
        if (!(arguments.length == 2 && DEFAULT.equals(arguments[1]))) {
            for (String day : List.of(arguments).subList(1, arguments.length)) {
                try {
                    values.add(Integer.valueOf(day));
                } catch (NumberFormatException e) {
                    throw new CommandException(NLS.bind(Messages.Thresholds_badDays, day));
                }
            }
        }
        try {
            overview.setThresholds(kind, values);
        } catch (ExpiryException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return List.of(line(kind));
    }

    private static String checkedKind(String kind) {
        if (!ExpiryKinds.isValid(kind)) {
            throw new CommandException(NLS.bind(Messages.Thresholds_badKind, kind));
        }
        return kind;
    }

    private ThresholdLine line(String kind) {
        return new ThresholdLine(kind, overview.thresholds(kind));
    }
}
