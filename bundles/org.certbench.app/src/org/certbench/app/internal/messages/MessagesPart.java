package org.certbench.app.internal.messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import java.util.function.Function;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.ui.TableRows;
import org.certbench.ui.commands.CommandButtons;
import org.certbench.ui.layout.TableLayout;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The System messages view: time, severity (with its icon), source, text; unread ones in bold; sorted by a click on
 * a column's header, narrowed by a filter text (Ctrl+F); mark read; Show Certificate (or a double click, or Enter)
 * opens the view of the certificate a message concerns.
 */
public final class MessagesPart {

    public static final String TABLE_ID = "messages.table"; //$NON-NLS-1$
    public static final String MARK_READ_ID = "messages.markRead"; //$NON-NLS-1$
    public static final String MARK_ALL_READ_ID = "messages.markAllRead"; //$NON-NLS-1$
    public static final String FILTER_ID = "messages.filter"; //$NON-NLS-1$
    public static final String SHOW_CERTIFICATE_ID = "messages.showCertificate"; //$NON-NLS-1$
    /** The table's context menu, from the bundle's model fragment. */
    static final String POPUP_MENU_ID = "org.certbench.app.popup.messages"; //$NON-NLS-1$
    /** The key binding context of the view (Ctrl+F), active while the view is. */
    static final String VIEW_CONTEXT_ID = "org.certbench.app.context.messages"; //$NON-NLS-1$

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm") //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());

    /** The columns, each of which sorts. */
    enum Column {
        TIME, SEVERITY, SOURCE, TEXT
    }

    @Inject
    @Service
    private SystemMessages messages;

    @Inject
    private IEclipseContext context;

    @Inject
    private ESelectionService selectionService;

    @Inject
    private EHandlerService handlers;

    @Inject
    private ECommandService commands;

    @Inject
    private EMenuService menus;

    @Inject
    private EContextService contexts;

    private final TableRows<SystemMessage, Column> rows = new TableRows<>(Column.TIME, MessagesPart::order,
            MessagesPart::matches);
    private TableViewer viewer;
    private Text filter;
    private Font bold;
    private Button markRead;
    private CommandButtons buttons;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(1).applyTo(parent);
        Composite actions = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(actions);
        filter = new Text(actions, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setData(WidgetIds.KEY, FILTER_ID);
        filter.setMessage(Messages.Messages_filter);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(filter);
        markRead = button(actions, Messages.Messages_markRead, MARK_READ_ID);
        markRead.setEnabled(false);
        markRead.addListener(SWT.Selection, event -> markSelectedRead());
        button(actions, Messages.Messages_markAllRead, MARK_ALL_READ_ID)
                .addListener(SWT.Selection, event -> inBackground(Messages.Messages_markingRead, SystemMessages::markAllRead));
        context.set(MessageSelection.class, new MessageSelection(List.of()));
        // Ctrl+F (a key binding of the bundle's model fragment) finds the view in the part's context
        context.set(MessagesPart.class, this);
        contexts.activateContext(VIEW_CONTEXT_ID);
        buttons = new CommandButtons(id -> handlers.canExecute(commands.createCommand(id, null)), this::execute);
        buttons.add(actions, Messages.Messages_showCertificate, SHOW_CERTIFICATE_ID, ShowCertificateHandler.COMMAND_ID);

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

        column(Column.TIME, Messages.Messages_time, 150, message -> TIME.format(message.time()), message -> null);
        TableColumn time = table.getColumn(0);
        column(Column.SEVERITY, Messages.Messages_severity, 100, message -> severity(message.severity()),
                message -> icon(message.severity()));
        column(Column.SOURCE, Messages.Messages_source, 140, SystemMessage::source, message -> null);
        column(Column.TEXT, Messages.Messages_text, 600, message -> message.text().replace('\n', ' '), message -> null);
        // newest first, as the bell's messages come
        rows.sortBy(Column.TIME);
        table.setSortColumn(time);
        table.setSortDirection(SWT.DOWN);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(event -> selectionChanged());
        // a double click or Enter
        viewer.addDoubleClickListener(event -> execute(ShowCertificateHandler.COMMAND_ID));
        menus.registerContextMenu(table, POPUP_MENU_ID);
        filter.addListener(SWT.Modify, event -> {
            rows.setFilter(filter.getText());
            show();
        });
        TableLayout.remember(table, TABLE_ID);
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

    /** Ctrl+F: the keyboard focus goes to the filter, its text selected to be typed over. */
    void focusFilter() {
        filter.setFocus();
        filter.selectAll();
    }

    @PreDestroy
    public void dispose() {
        if (bold != null) {
            bold.dispose();
        }
    }

    private void refresh() {
        rows.setAll(messages.list());
        show();
    }

    private void show() {
        List<SystemMessage> visible = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            visible.add(rows.get(i));
        }
        viewer.setInput(visible);
        selectionChanged();
    }

    /** Publishes the selection to the view's commands (Show Certificate) and enables what can run on it. */
    private void selectionChanged() {
        List<SystemMessage> selected = ((IStructuredSelection) viewer.getSelection()).toList().stream()
                .map(SystemMessage.class::cast).toList();
        markRead.setEnabled(!selected.isEmpty());
        MessageSelection selection = new MessageSelection(selected);
        context.set(MessageSelection.class, selection);
        selectionService.setSelection(selection);
        buttons.update();
    }

    private void execute(String commandId) {
        ParameterizedCommand command = commands.createCommand(commandId, null);
        if (handlers.canExecute(command)) {
            handlers.executeHandler(command);
        }
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

    private void column(Column sorts, String title, int width, Function<SystemMessage, String> text,
            Function<SystemMessage, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        TableColumn header = column.getColumn();
        header.setText(title);
        header.setWidth(width);
        header.addListener(SWT.Selection, event -> {
            rows.sortBy(sorts);
            Table table = viewer.getTable();
            table.setSortColumn(header);
            table.setSortDirection(rows.ascending() ? SWT.UP : SWT.DOWN);
            show();
        });
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SystemMessage) element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((SystemMessage) element);
            }

            @Override
            public Font getFont(Object element) {
                return ((SystemMessage) element).read() ? null : bold;
            }
        });
    }

    /** Ties keep the service's order (newest first), so a sort by severity lists each severity newest first. */
    private static Comparator<SystemMessage> order(Column column) {
        return switch (column) {
        case TIME -> Comparator.comparing(SystemMessage::time);
        case SEVERITY -> Comparator.comparing(SystemMessage::severity);
        case SOURCE -> Comparator.comparing(message -> message.source().toLowerCase(Locale.ROOT));
        case TEXT -> Comparator.comparing(message -> message.text().toLowerCase(Locale.ROOT));
        };
    }

    private static boolean matches(SystemMessage message, String filter) {
        return message.text().toLowerCase(Locale.ROOT).contains(filter)
                || message.source().toLowerCase(Locale.ROOT).contains(filter)
                || severity(message.severity()).toLowerCase(Locale.ROOT).contains(filter)
                || TIME.format(message.time()).contains(filter);
    }

    /** The platform's message icons: drawn for light and dark themes alike, with a shape per severity. */
    private static Image icon(Severity severity) {
        return JFaceResources.getImage(switch (severity) {
        case ERROR -> Dialog.DLG_IMG_MESSAGE_ERROR;
        case WARNING -> Dialog.DLG_IMG_MESSAGE_WARNING;
        case INFO -> Dialog.DLG_IMG_MESSAGE_INFO;
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
