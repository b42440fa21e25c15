package org.certbench.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one version of a file from the next without reading it: an atomic replacement is a rename,
 * which gives a new inode ({@code fileKey}); time and size catch an in-place edit by hand.
 */
record FileStamp(Object fileKey, FileTime modified, long size) {

    /** The file's stamp, or {@code null} when it does not exist. */
    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException missing) {
            return null;
        }
    }
}
