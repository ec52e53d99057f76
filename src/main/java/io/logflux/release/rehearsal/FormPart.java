package io.logflux.release.rehearsal;

import java.nio.file.Path;

/**
 * A part of an upload form. A text field has its value; a file part has its name and type, its size and, when it was
 * kept (the "content" part within its limit), the temporary file and the digests of its bytes, computed as they were
 * written. A file part over its limit carries the size it had when reading stopped (over the limit) and no file.
 */
record FormPart(String name, String fileName, String contentType, String value, Path file, long size,
                ContentDigests digests) {
    static FormPart field(String name, String contentType, String value, long size) {
        return new FormPart(name, null, contentType, value, null, size, null);
    }

    boolean isFile() {
        return fileName != null;
    }
}
