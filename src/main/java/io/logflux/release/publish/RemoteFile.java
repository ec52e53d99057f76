package io.logflux.release.publish;

import java.util.Optional;

/** A file as an index lists it: its name, its sha256 (when the listing gives one) and where to download it. */
public record RemoteFile(String filename, Optional<String> sha256, Optional<String> url) {
    /** True if the index has exactly our bytes under this name. */
    public boolean sameAs(FileDigests digests) {
        return sha256.map(s -> s.equalsIgnoreCase(digests.sha256())).orElse(false);
    }
}
