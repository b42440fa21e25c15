package org.certbench.core;

import java.util.List;

/**
 * Writes a table as CSV after RFC 4180, for spreadsheets and audits: a header line, then one line per row, every
 * field in double quotes (a quote inside doubled), lines ended by CRLF, also the last one. Fields may hold commas,
 * quotes and line breaks. CertBench's one CSV writer; stateless, any thread.
 */
public final class CsvWriter {

    private static final String CRLF = "\r\n"; //$NON-NLS-1$

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
            String field = fields.get(i);
            out.append('"').append(field == null ? "" : field.replace("\"", "\"\"")).append('"'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
        out.append(CRLF);
    }
}
