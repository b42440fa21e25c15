package org.certbench.example.haproxy.ui.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.example.haproxy.HaproxyException;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.example.haproxy.HaproxyMonitor;
import org.certbench.ui.Buttons;
import org.certbench.ui.ShowCertificate;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The HAProxy view: every frontend listener and the certificate it serves now, asked from HAProxy's runtime API
 * through the plug-in's {@link HaproxyMonitor} service, in a Job.
 */
public final class HaproxyPart {

    public static final String TABLE_ID = "haproxy.frontends"; //$NON-NLS-1$
    public static final String STATE_ID = "haproxy.state"; //$NON-NLS-1$
    public static final String REFRESH_ID = "haproxy.refresh"; //$NON-NLS-1$
    /** The plug-in's expiry kind, which this view is tagged for in the model fragment. */
    private static final String EXPIRY_KIND = "haproxy"; //$NON-NLS-1$
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'") //$NON-NLS-1$
            .withZone(ZoneOffset.UTC);

    /** Absent while the HAProxy plug-in is stopped or removed; e4 injects it again when it comes back. */
    @Inject
    @Optional
    @Service
    private HaproxyMonitor monitor;

    @Inject
    private UISynchronize sync;

    private Label state;
    private Table frontends;
    private Button refresh;
    /** Counts the refreshes, so that an answer to an earlier one is not shown after a later one started. */
    private int generation;
    /** The listener the Expiry view asked for ("frontend@address", the plug-in's expiry id), or {@code null}. */
    private String askedFor;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(2).applyTo(parent);
        state = new Label(parent, SWT.WRAP);
        state.setData(WidgetIds.KEY, STATE_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(state);
        refresh = Buttons.push(parent, Messages.Part_refresh, REFRESH_ID, this::refresh);
        frontends = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        frontends.setData(WidgetIds.KEY, TABLE_ID);
        frontends.setHeaderVisible(true);
        frontends.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(frontends);
        column(Messages.Column_frontend, 110);
        column(Messages.Column_status, 70);
        column(Messages.Column_address, 140);
        column(Messages.Column_subject, 260);
        column(Messages.Column_expires, 170);
        column(Messages.Column_file, 220);
        column(Messages.Column_fingerprint, 300);
        refresh();
    }

    /**
     * A double-click on a row of the plug-in's kind in the Expiry view: that listener is selected, after HAProxy is
     * asked again when the table does not show it (the view shows what it read last, maybe before a change).
     */
    @Inject
    @Optional
    public void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (!EXPIRY_KIND.equals(request.kind()) || frontends == null || frontends.isDisposed()) {
            return;
        }
        askedFor = request.key();
        if (!selectAsked()) {
            refresh();
        }
    }

    /** {@return whether the listener asked for is shown, now selected} */
    private boolean selectAsked() {
        for (TableItem item : frontends.getItems()) {
            if ((item.getText(0) + "@" + item.getText(2)).equals(askedFor)) { //$NON-NLS-1$
                frontends.setSelection(item);
                frontends.showSelection();
                return true;
            }
        }
        return false;
    }

    @Focus
    public void focus() {
        refresh.setFocus();
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(frontends, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    private void refresh() {
        HaproxyMonitor asked = monitor;
        int asking = ++generation;
        frontends.removeAll();
        if (asked == null) {
            showState(Messages.Part_unavailable);
            return;
        }
        showState(Messages.Part_loading);
        refresh.setEnabled(false);
        Job.create(Messages.Job_status, jobMonitor -> {
            try {
                List<HaproxyFrontend> lines = asked.frontends();
                sync.asyncExec(() -> show(asking, lines));
            } catch (HaproxyException e) {
                sync.asyncExec(() -> showProblem(asking, e.getMessage()));
            } catch (RuntimeException e) {
                // e.g. the plug-in stopped during the call: say so rather than stay on "Asking HAProxy..."
                sync.asyncExec(() -> showProblem(asking, Messages.Part_unavailable));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(int asked, List<HaproxyFrontend> lines) {
        if (frontends.isDisposed() || asked != generation) {
            return;
        }
        refresh.setEnabled(true);
        for (HaproxyFrontend line : lines) {
            String certificate = line.problem() != null ? line.problem() : text(line.subject());
            new TableItem(frontends, SWT.NONE).setText(new String[] { line.frontend(), text(line.status()),
                    text(line.address()), certificate, day(line.notAfter()), text(line.certificateFile()),
                    text(line.sha256()) });
        }
        showState(MessageFormat.format(Messages.Part_count, lines.size()));
        selectAsked();
    }

    private void showProblem(int asked, String problem) {
        if (!state.isDisposed() && asked == generation) {
            refresh.setEnabled(true);
            showState(problem);
        }
    }

    private void showState(String text) {
        state.setText(text);
        state.requestLayout();
    }

    /** "2029-02-27 23:56 UTC" from the ISO-8601 instant the monitor reports. */
    private static String day(String instant) {
        if (instant == null) {
            return ""; //$NON-NLS-1$
        }
        try {
            return EXPIRES.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value; //$NON-NLS-1$
    }
}
