package org.certbench.app.internal.issuers;

import java.util.ArrayList;
import java.util.List;

import org.certbench.app.internal.Messages;

/**
 * A command issuer's program line as an administrator types it, split into the program and its arguments the way
 * a POSIX shell splits words, but without a shell: no variables, globs, pipes or redirections are expanded, so
 * what is typed is exactly what runs. Single quotes keep everything, double quotes keep all but {@code \"} and
 * {@code \\}, a backslash outside quotes keeps the next character.
 */
final class ProgramLine {

    private ProgramLine() {
    }

    /**
     * {@return the program and its arguments}
     *
     * @throws IllegalArgumentException saying in words what is wrong: nothing typed, an unclosed quote, a
     *         trailing backslash
     */
    static List<String> parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(Messages.Issuers_unclosedSingle);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException(Messages.Issuers_trailingBackslash);
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException(Messages.Issuers_noProgram);
        }
        return List.copyOf(words);
    }

    /** Appends a double-quoted part starting after its quote; returns the index after the closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException(Messages.Issuers_unclosedDouble);
    }
}
