package org.certbench.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain text for people: a record as aligned "Label  value" lines, a collection of records as a table
 * with one header line, values of collections joined with commas.
 */
final class TextRenderer {

    private static final String NONE = "(none)";

    private TextRenderer() {
    }

    /** Components that are records themselves are shown as their own lines, not one long line. */
    static String record(Record record) {
        Map<String, Object> values = flattened(record);
        int width = values.keySet().stream().mapToInt(name -> label(name).length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(pad(label(entry.getKey()), width)).append("  ").append(value(entry.getValue()));
        }
        return text.toString();
    }

    private static Map<String, Object> flattened(Record record) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        Values.components(record).forEach((name, value) -> {
            if (value instanceof Record nested) {
                values.putAll(flattened(nested));
            } else {
                values.put(name, value);
            }
        });
        return values;
    }

    static String line(Record record) {
        List<String> parts = new ArrayList<>();
        Values.components(record).forEach((name, value) -> parts.add(name + "=" + value(value)));
        return String.join(", ", parts);
    }

    static String table(Collection<?> rows) {
        if (rows.isEmpty()) {
            return NONE;
        }
        List<String> headers = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (Object row : rows) {
            Map<String, Object> values = Values.components((Record) row);
            if (headers.isEmpty()) {
                values.keySet().forEach(name -> headers.add(label(name).toUpperCase(Locale.ROOT)));
            }
            cells.add(values.values().stream().map(TextRenderer::value).toList());
        }
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : cells) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, headers, widths);
        cells.forEach(row -> appendRow(text.append('\n'), row, widths));
        return text.toString();
    }

    static boolean isTable(Object value) {
        return value instanceof Collection<?> collection && !collection.isEmpty()
                && collection.stream().allMatch(Record.class::isInstance)
                && collection.stream().map(Object::getClass).distinct().count() == 1;
    }

    static String value(Object raw) {
        Object value = Values.unwrap(raw);
        if (value == null) {
            return "-";
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? "-" : String.join(", ", collection.stream().map(TextRenderer::value).toList());
        }
        if (value instanceof Record record) {
            return line(record);
        }
        if (value instanceof java.time.Instant instant) {
            // people read seconds; JSON keeps the full precision
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return value.toString();
    }

    /** {@code notAfter} becomes {@code Not after}. */
    static String label(String componentName) {
        StringBuilder label = new StringBuilder();
        for (char c : componentName.toCharArray()) {
            if (Character.isUpperCase(c) && !label.isEmpty()) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(label.isEmpty() ? Character.toUpperCase(c) : c);
            }
        }
        return label.toString();
    }

    private static void appendRow(StringBuilder text, List<String> row, int[] widths) {
        for (int c = 0; c < row.size(); c++) {
            boolean last = c == row.size() - 1;
            text.append(last ? row.get(c) : pad(row.get(c), widths[c]) + "  ");
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
