package org.certbench.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.InputTooLargeException;
import org.certbench.crypto.MalformedInputException;

/**
 * Every file the crypto core reads goes through here, so that no reader can be handed (or pulled into
 * memory) more than {@link #MAX_BYTES}: certificates, keys and CSRs are a few kilobytes, anything near a
 * mebibyte is a wrong file or an attack on the parser.
 */
public final class BoundedInput {

    public static final int MAX_BYTES = 1024 * 1024;

    private BoundedInput() {
    }

    public static byte[] read(Path file) throws InputTooLargeException, MalformedInputException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            requireWithinLimit(size, name);
            try (InputStream in = Files.newInputStream(file)) {
                // The file may grow between size() and reading: read one byte past the limit to notice.
                byte[] content = in.readNBytes(MAX_BYTES + 1);
                requireWithinLimit(content.length, name);
                return content;
            }
        } catch (NoSuchFileException e) {
            throw new MalformedInputException(e, CryptoErrorCode.FILE_UNREADABLE, name, "no such file");
        } catch (IOException e) {
            throw new MalformedInputException(e, CryptoErrorCode.FILE_UNREADABLE, name, String.valueOf(e.getMessage()));
        }
    }

    public static void requireWithinLimit(long size, String name) throws InputTooLargeException {
        if (size > MAX_BYTES) {
            throw new InputTooLargeException(CryptoErrorCode.INPUT_TOO_LARGE, name, size, MAX_BYTES);
        }
    }
}
