package io.logflux.release.rehearsal;

import java.nio.file.Path;
import java.time.Instant;

/** A file the index holds, with what its listings say about it. */
public record StoredFile(String project, String version, String filename, String packagetype, String sha256,
                         String blake2b256, String md5, long size, String requiresPython, Path path,
                         Instant uploaded) {
}
