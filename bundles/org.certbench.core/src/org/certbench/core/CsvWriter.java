package org.certbench.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a table as CSV after RFC 4180, for spreadsheets and audits: a header line, then one line per row, every
 * field in double quotes (a quote inside doubled), lines ended by CRLF, also the last one. Fields may hold commas,
 * quotes and line breaks. A field that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, and is no number) is written with a leading {@code '}: names and
 * subjects come from the network, and an audit export must not run what a peer put in its certificate. CertBench's
 * one CSV writer; stateless, any thread.
 */
public final class CsvWriter {

    private static final String CRLF = "\r\n"; //$NON-NLS-1$
    private static final String FORMULA_STARTS = "=+-@\t\r"; //$NON-NLS-1$
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"); //$NON-NLS-1$

    private CsvWriter() {
    }

    /**
     * The table as CSV text.
     *
     * @param header the column names; not empty
     * @param rows   the rows, each with as many fields as the header ({@code null} fields are written empty)
     * @throws IllegalArgumentException if the header is empty or a row has another number of fields
     */
    public static String write(List<String> header, List<? extends List<String>> rows) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV table needs at least one column"); //$NON-NLS-1$
        }
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " fields, the header " //$NON-NLS-1$ //$NON-NLS-2$
                        + header.size());
            }
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = defused(fields.get(i) == null ? "" : fields.get(i)); //$NON-NLS-1$
            out.append('"').append(field.replace("\"", "\"\"")).append('"'); //$NON-NLS-1$ //$NON-NLS-2$
        }
        out.append(CRLF);
    }

    /** The field as a spreadsheet shows it as text, never evaluates it. */
    private static String defused(String field) {
        if (!field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 && !NUMBER.matcher(field).matches()) {
            return "'" + field; //$NON-NLS-1$
        }
        return field;
    }
}
