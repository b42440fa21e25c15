package org.certbench.shell.internal;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certbench.core.CsvWriter;
import org.certbench.core.commands.Table;

/**
 * What a listing command returned, as CSV (core's {@link CsvWriter}): a collection of records one line each, the
 * component names as the header; a single record as one line; a map as {@code key,value} lines; other collections
 * as one {@code value} column; a {@link Table} as its rows under the components of its row type, also when it has
 * no row (an empty listing is a header line, as RFC 4180 readers expect). Cells hold what {@code --json} holds, as text: instants in full ISO-8601, enums by
 * name in lower case, collections joined with {@code "; "}, nested records and maps as JSON.
 */
final class Csv {

    private Csv() {
    }

    /**
     * The result as CSV; an empty text for an empty collection whose element type is unknown (a command that may
     * list nothing returns a {@link Table}); {@code null} when it is no table.
     */
    static String write(Object raw) {
        Object result = Values.unwrap(raw);
        if (result instanceof Table<?> table) {
            return typed(table);
        }
        if (result instanceof Record record) {
            return table(List.of(record));
        }
        if (result instanceof Map<?, ?> map) {
            List<List<String>> rows = new ArrayList<>();
            map.forEach((key, value) -> rows.add(List.of(cell(key), cell(value))));
            return CsvWriter.write(List.of("key", "value"), rows); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (result instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                return ""; //$NON-NLS-1$
            }
            if (TextRenderer.isTable(collection)) {
                return table(collection);
            }
            return CsvWriter.write(List.of("value"), collection.stream().map(value -> List.of(cell(value))).toList()); //$NON-NLS-1$
        }
        return null;
    }

    private static String typed(Table<?> table) {
        List<String> header = new ArrayList<>();
        for (RecordComponent component : table.rowType().getRecordComponents()) {
            header.add(component.getName());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Record row : table.rows()) {
            rows.add(Values.components(row).values().stream().map(Csv::cell).toList());
        }
        return CsvWriter.write(header, rows);
    }

    private static String table(Collection<?> records) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Object row : records) {
            Map<String, Object> values = Values.components((Record) row);
            if (header.isEmpty()) {
                header.addAll(values.keySet());
            }
            rows.add(values.values().stream().map(Csv::cell).toList());
        }
        return CsvWriter.write(header, rows);
    }

    private static String cell(Object raw) {
        Object value = Values.unwrap(raw);
        if (value == null) {
            return ""; //$NON-NLS-1$
        }
        if (value instanceof Collection<?> collection) {
            return String.join("; ", collection.stream().map(Csv::cell).toList()); //$NON-NLS-1$
        }
        if (value instanceof Record || value instanceof Map<?, ?>) {
            return Json.write(value);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }
}
