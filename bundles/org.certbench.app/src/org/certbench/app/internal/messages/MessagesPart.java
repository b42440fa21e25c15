package org.certbench.app.internal.messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The System messages view: time, severity, source, text; unread ones in bold; mark read. */
public final class MessagesPart {

    public static final String TABLE_ID = "messages.table"; //$NON-NLS-1$
    public static final String MARK_READ_ID = "messages.markRead"; //$NON-NLS-1$
    public static final String MARK_ALL_READ_ID = "messages.markAllRead"; //$NON-NLS-1$

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm") //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());

    @Inject
    @Service
    private SystemMessages messages;

    private TableViewer viewer;
    private Font bold;
    private Button markRead;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(1).applyTo(parent);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        markRead = button(actions, Messages.Messages_markRead, MARK_READ_ID);
        markRead.setEnabled(false);
        markRead.addListener(SWT.Selection, event -> markSelectedRead());
        button(actions, Messages.Messages_markAllRead, MARK_ALL_READ_ID)
                .addListener(SWT.Selection, event -> inBackground(Messages.Messages_markingRead, SystemMessages::markAllRead));

        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setData(WidgetIds.KEY, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        FontData[] data = table.getFont().getFontData();
        for (FontData font : data) {
            font.setStyle(SWT.BOLD);
        }
        bold = new Font(table.getDisplay(), data);

        column(Messages.Messages_time, 130, message -> TIME.format(message.time()));
        column(Messages.Messages_severity, 80, message -> severity(message.severity()));
        column(Messages.Messages_source, 140, SystemMessage::source);
        column(Messages.Messages_text, 600, message -> message.text().replace('\n', ' '));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(event -> markRead.setEnabled(!event.getSelection().isEmpty()));
        refresh();
    }

    @Inject
    @Optional
    void messagesChanged(@UIEventTopic(SystemMessages.TOPIC_CHANGED) Event event) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refresh();
        }
    }

    @Focus
    public void focus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (bold != null) {
            bold.dispose();
        }
    }

    private void refresh() {
        viewer.setInput(messages.list());
    }

    private void markSelectedRead() {
        List<String> ids = ((IStructuredSelection) viewer.getSelection()).toList().stream()
                .map(selected -> ((SystemMessage) selected).id())
                .toList();
        inBackground(Messages.Messages_markingRead, service -> ids.forEach(service::markRead));
    }

    /** Marking read writes the message file: never on the UI thread. */
    private void inBackground(String name, java.util.function.Consumer<SystemMessages> work) {
        Job.create(name, monitor -> {
            work.accept(messages);
            return Status.OK_STATUS;
        }).schedule();
    }

    private Button button(Composite parent, String label, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetIds.KEY, id);
        return button;
    }

    private void column(String title, int width, Function<SystemMessage, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SystemMessage) element);
            }

            @Override
            public Font getFont(Object element) {
                return ((SystemMessage) element).read() ? null : bold;
            }
        });
    }

    private static String severity(Severity severity) {
        return switch (severity) {
        case ERROR -> Messages.Severity_error;
        case WARNING -> Messages.Severity_warning;
        case INFO -> Messages.Severity_info;
        };
    }
}
