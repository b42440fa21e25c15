package org.certbench.messages.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.certbench.core.AtomicFiles;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;

/**
 * The messages on disk: {@code messages.tsv}, one message a line, tab-separated, readable with any pager:
 * id, time (ISO-8601), severity, read (0/1), key, source, text; tabs, line breaks and backslashes in a
 * field are escaped as \t, \n, \r and \\.
 */
final class MessageFile {

    static final String HEADER = "# CertBench system messages: id\ttime\tseverity\tread\tkey\tsource\ttext";

    record Loaded(List<SystemMessage> messages, int damagedLines) {
    }

    private final Path file;

    MessageFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Loaded load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), 0);
        }
        List<SystemMessage> messages = new ArrayList<>();
        int damaged = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            SystemMessage message = parse(line);
            if (message == null) {
                damaged++;
            } else {
                messages.add(message);
            }
        }
        return new Loaded(messages, damaged);
    }

    void save(List<SystemMessage> messages) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (SystemMessage message : messages) {
            text.append(message.id()).append('\t')
                    .append(message.time()).append('\t')
                    .append(message.severity().name()).append('\t')
                    .append(message.read() ? '1' : '0').append('\t')
                    .append(escape(message.key() == null ? "" : message.key())).append('\t')
                    .append(escape(message.source())).append('\t')
                    .append(escape(message.text())).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static SystemMessage parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 7 || fields[0].isBlank()) {
            return null;
        }
        try {
            String key = unescape(fields[4]);
            return new SystemMessage(fields[0], Instant.parse(fields[1]), Severity.valueOf(fields[2]),
                    unescape(fields[5]), unescape(fields[6]), key.isEmpty() ? null : key, "1".equals(fields[3]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    static String escape(String field) {
        StringBuilder escaped = new StringBuilder(field.length());
        for (char c : field.toCharArray()) {
            switch (c) {
            case '\\' -> escaped.append("\\\\");
            case '\t' -> escaped.append("\\t");
            case '\n' -> escaped.append("\\n");
            case '\r' -> escaped.append("\\r");
            default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                text.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
            case 't' -> text.append('\t');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            default -> text.append(next);
            }
        }
        return text.toString();
    }
}
