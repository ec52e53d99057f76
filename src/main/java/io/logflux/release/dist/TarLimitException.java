package io.logflux.release.dist;

import java.io.IOException;

/**
 * A tar archive crossed one of the reader's limits (a name, a pax header, a sparse map or the archive's total bytes)
 * and reading stopped before the memory or time was spent. The message is a reason, e.g. "it has a GNU long name of
 * 2684354560 bytes, more than the limit of 4096", to be put after the file's name.
 */
public final class TarLimitException extends IOException {
    public TarLimitException(String reason) {
        super(reason);
    }
}
