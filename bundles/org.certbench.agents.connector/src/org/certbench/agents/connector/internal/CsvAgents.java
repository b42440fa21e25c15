package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certbench.agents.connector.FleetException;
import org.certbench.core.LinkSafeFiles;
import org.certbench.core.TextBundle;
import org.eclipse.osgi.util.NLS;

/**
 * Reads an agent list {@code name,host,port} with a header line (RFC 4180: a field may be quoted, a quote
 * inside doubled, so names may hold commas). Each line becomes a {@link Row}; a line that cannot be an
 * agent keeps its problem, so the import reports it beside the others instead of refusing the whole file.
 */
final class CsvAgents {

    /** 10,000 agents are a few hundred kilobytes; a file this large is something else. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** @param problem why the line is no agent, or {@code null} */
    record Row(int line, String name, String host, int port, String problem) {

        String label() {
            return name != null && !name.isBlank() ? name : NLS.bind(Messages.Csv_lineLabel, line);
        }
    }

    private CsvAgents() {
    }

    /**
     * The file the administrator named, read within {@link #MAX_BYTES} and only if it is a regular file: a FIFO or a
     * device would hold the import (and the Agents view's dialog) up for ever. A symbolic link is followed, as every
     * reader of a file the administrator names follows it ({@code ca:import FILE}, {@code --ca-file}, the Verify
     * Files directory): the administrator chose the name, and CertBench reads it with their rights. Links are refused
     * only where another user could plant one: state files, secrets.
     */
    static List<Row> read(Path file) throws FleetException {
        String text;
        try {
            // the question first, for the refusal in the import's words; the read below refuses a FIFO swapped in since
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new FleetException(NLS.bind(Messages.Csv_notRegular, file));
            }
            byte[] bytes = LinkSafeFiles.readNamedAtMost(file, (int) MAX_BYTES);
            if (bytes.length > MAX_BYTES) {
                throw new FleetException(NLS.bind(Messages.Csv_tooLarge, file, MAX_BYTES / (1024 * 1024)));
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new FleetException(NLS.bind(Messages.Csv_missing, file), e);
        } catch (CharacterCodingException e) {
            throw new FleetException(NLS.bind(Messages.Csv_notUtf8, file), e);
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Csv_unreadable, file, e.getMessage()), e);
        }
        if (text.startsWith("\uFEFF")) { //$NON-NLS-1$
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1); //$NON-NLS-1$
        int header = firstNonBlank(lines);
        if (header < 0) {
            throw new FleetException(NLS.bind(Messages.Csv_empty, file));
        }
        List<String> headerFields = fields(lines[header]);
        if (!headerFields.stream().map(field -> field.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(List.of("name", "host", "port"))) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            throw new FleetException(NLS.bind(Messages.Csv_badHeader, file, lines[header].strip()));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(row(i + 1, lines[i]));
            }
        }
        return rows;
    }

    private static Row row(int line, String text) {
        List<String> fields = fields(text);
        String name = fields.isEmpty() ? "" : fields.get(0).strip(); //$NON-NLS-1$
        if (fields.size() != 3) {
            return new Row(line, name, null, 0, TextBundle.fill(Messages.Csv_fieldCount, line, fields.size()));
        }
        String host = fields.get(1).strip();
        String portText = fields.get(2).strip();
        if (host.isEmpty()) {
            return new Row(line, name, null, 0, NLS.bind(Messages.Csv_noHost, line));
        }
        try {
            int port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Row(line, name, host, port, null);
        } catch (NumberFormatException e) {
            return new Row(line, name, host, 0, NLS.bind(Messages.Csv_badPort, line, portText));
        }
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
