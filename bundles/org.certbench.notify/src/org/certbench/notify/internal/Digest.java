package org.certbench.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.messages.SystemMessage;

/**
 * One digest waiting in the outbox: the messages one check posted, for one channel, with its delivery attempts.
 *
 * @param file      its file name in the outbox
 * @param channel   the channel it goes to
 * @param created   when it was gathered
 * @param attempts  failed attempts so far
 * @param next      not to be tried before this time
 * @param lastError why the last attempt failed, or empty
 * @param items     the messages, oldest first
 */
record Digest(String file, String channel, Instant created, int attempts, Instant next, String lastError,
        List<Item> items) {

    /**
     * One system message as the digest carries it; {@code warning} holds what {@link WarningFacts} found of an expiry
     * warning when it was gathered, or is {@code null}.
     */
    record Item(String id, Instant time, String severity, String source, String text, String key,
            Map<String, Object> warning) {

        Item {
            warning = warning == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(warning));
        }

        static Item of(SystemMessage message) {
            return new Item(message.id(), message.time(), message.severity().name(), message.source(), message.text(),
                    message.key(), null);
        }

        Item withWarning(Map<String, Object> facts) {
            return new Item(id, time, severity, source, text, key, facts);
        }
    }

    Digest {
        items = List.copyOf(items);
    }

    Digest failed(String error, Instant retry) {
        return new Digest(file, channel, created, attempts + 1, retry, error, items);
    }

    long count(String severity) {
        return items.stream().filter(item -> item.severity().equals(severity)).count();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", channel); //$NON-NLS-1$
        json.put("created", created.toString()); //$NON-NLS-1$
        json.put("attempts", attempts); //$NON-NLS-1$
        json.put("next", next.toString()); //$NON-NLS-1$
        json.put("lastError", lastError); //$NON-NLS-1$
        List<Object> list = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", item.id()); //$NON-NLS-1$
            one.put("time", item.time().toString()); //$NON-NLS-1$
            one.put("severity", item.severity()); //$NON-NLS-1$
            one.put("source", item.source()); //$NON-NLS-1$
            one.put("text", item.text()); //$NON-NLS-1$
            one.put("key", item.key()); //$NON-NLS-1$
            if (item.warning() != null) {
                one.put("warning", item.warning()); //$NON-NLS-1$
            }
            list.add(one);
        }
        json.put("items", list); //$NON-NLS-1$
        return json;
    }

    /** @throws IllegalArgumentException or a {@link RuntimeException} of parsing when the file is not a digest */
    static Digest fromJson(String file, Object value) {
        Map<?, ?> json = (Map<?, ?>) value;
        List<Item> items = new ArrayList<>();
        for (Object element : (List<?>) json.get("items")) { //$NON-NLS-1$
            Map<?, ?> one = (Map<?, ?>) element;
            items.add(new Item((String) one.get("id"), Instant.parse((String) one.get("time")), //$NON-NLS-1$ //$NON-NLS-2$
                    (String) one.get("severity"), (String) one.get("source"), (String) one.get("text"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                    (String) one.get("key"), warning(one))); //$NON-NLS-1$
        }
        return new Digest(file, (String) json.get("channel"), Instant.parse((String) json.get("created")), //$NON-NLS-1$ //$NON-NLS-2$
                ((Long) json.get("attempts")).intValue(), Instant.parse((String) json.get("next")), //$NON-NLS-1$ //$NON-NLS-2$
                String.valueOf(json.get("lastError")), items); //$NON-NLS-1$
    }

    /**
     * An item's warning; a digest that waited in the outbox across an upgrade kept its certificate's facts alone
     * ({@code certificate}): a threshold crossed when they name one, else an expiry.
     */
    private static Map<String, Object> warning(Map<?, ?> item) {
        if (item.get("warning") instanceof Map<?, ?> map) { //$NON-NLS-1$
            Map<String, Object> facts = new LinkedHashMap<>();
            map.forEach((name, fact) -> facts.put(String.valueOf(name), fact));
            return facts;
        }
        if (item.get("certificate") instanceof Map<?, ?> legacy && legacy.get("id") != null) { //$NON-NLS-1$ //$NON-NLS-2$
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("event", legacy.containsKey("within_days") ? "certificate.expires" : "certificate.expired"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            facts.put("certificate", legacy); //$NON-NLS-1$
            return facts;
        }
        return null;
    }
}
