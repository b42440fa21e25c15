package org.certbench.crypto.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.certbench.core.LinkSafeFiles;
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

    /**
     * The file the administrator named, within {@link #MAX_BYTES}: a link is followed (their name, their rights), but
     * only a regular file is read, so a FIFO in its place is refused at once instead of hanging the caller.
     */
    public static byte[] read(Path file) throws InputTooLargeException, MalformedInputException {
        String name = file.toString();
        try {
            // one byte past the limit tells a file that grew after anyone looked at its size
            byte[] content = LinkSafeFiles.readNamedAtMost(file, MAX_BYTES);
            if (content.length > MAX_BYTES) {
                // a regular file, so asking its size cannot block: the refusal names how large it is
                requireWithinLimit(Math.max(content.length, Files.size(file)), name);
            }
            return content;
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
