package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.messages.internal.commands.MessageRow;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/** The service as other bundles meet it: through DS, EventAdmin events and Gogo commands. */
class MessagesInOsgiTest {

    private final BundleContext context = FrameworkUtil.getBundle(MessagesInOsgiTest.class).getBundleContext();

    @Test
    void aPostIsAnnouncedAsAnEventWithTheUnreadCount() throws Exception {
        SystemMessages messages = service(SystemMessages.class);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add,
                FrameworkUtil.asDictionary(Map.of(EventConstants.EVENT_TOPIC, SystemMessages.TOPIC_CHANGED)));
        try {
            messages.post(Severity.WARNING, "test", "announced", null);

            Event event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "an event on " + SystemMessages.TOPIC_CHANGED);
            assertEquals(messages.unreadCount(), event.getProperty(SystemMessages.PROPERTY_UNREAD));
        } finally {
            handler.unregister();
        }
    }

    @Test
    void theCommandsListAndMarkRead() throws Exception {
        SystemMessages messages = service(SystemMessages.class);
        SystemMessage posted = messages.post(Severity.ERROR, "test", "listed by the shell", null);
        CommandProcessor processor = service(CommandProcessor.class);
        try (CommandSession session = processor.createSession(System.in, System.out, System.err)) {
            Object unread = session.execute("messages:list --unread");
            assertTrue(unread instanceof java.util.List<?> rows
                    && rows.stream().anyMatch(row -> ((MessageRow) row).id().equals(posted.id())), String.valueOf(unread));

            assertEquals("marked read: listed by the shell", session.execute("messages:read " + posted.id()));
            assertTrue(session.execute("messages:read --all").toString().matches("\\d+ messages? marked read"));
            assertEquals(0, messages.unreadCount());
        }
    }

    @Test
    void anAuditEntryThatCannotBeWrittenBecomesASystemMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        SystemMessages messages = service(SystemMessages.class);
        java.nio.file.Path notADirectory = java.nio.file.Files.writeString(work.resolve("home"), "a file");
        org.certbench.core.AuditLog log = new org.certbench.core.AuditLog(notADirectory.resolve("audit"), null,
                java.time.Clock.systemUTC());

        java.util.function.BooleanSupplier reported = () -> messages.list().stream().anyMatch(
                message -> message.source().equals("Audit log")
                        && message.text().startsWith("The audit log in " + log.directory() + " cannot be written"));
        // the bundle's component may activate just after the service it needs appeared
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            log.succeeded("plugin.install", "example-plugin", null, "1.0.0");
        } while (!reported.getAsBoolean() && System.nanoTime() < deadline && sleep());

        assertTrue(reported.getAsBoolean(), String.valueOf(messages.list()));
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getSimpleName() + " service");
        return service;
    }
}
