package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;

/**
 * Counts what scanning an archive has cost so far and says when a limit is crossed, so that a decompression bomb
 * or an archive with millions of members ends in a finding instead of exhausting memory, disk or time. The ratio
 * rule is PyPI's: a member that inflates past 64 MiB at more than 50 times its compressed size is refused. An sdist's
 * bytes — headers, long names, pax records and sparse maps as well as member data — are counted by
 * {@link io.logflux.release.dist.BoundedTarReader} against the same limit, as it reads them; here only its members.
 */
final class ArchiveBudget {
    static final long RATIO_FLOOR_BYTES = 64L << 20;
    static final long MAX_RATIO = 50;

    private final ArchiveLimits limits;
    private long totalBytes;
    private int members;

    ArchiveBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Counts one more member; returns a reason when there are too many. */
    String countMember() {
        members++;
        return members > limits.maxEntries()
                ? "it has more than " + limits.maxEntries() + " members" : null;
    }

    /** Counts inflated bytes of one member; returns a reason when a limit is crossed. */
    String countBytes(long bytes, long memberBytesSoFar, long compressedSize) {
        totalBytes += bytes;
        if (totalBytes > limits.maxTotalUncompressedBytes()) {
            return "its members inflate to more than " + limits.maxTotalUncompressedBytes() + " bytes";
        }
        if (compressedSize > 0 && memberBytesSoFar > RATIO_FLOOR_BYTES && memberBytesSoFar / compressedSize > MAX_RATIO) {
            return "a member inflates to more than " + MAX_RATIO + " times its compressed size past 64 MiB "
                    + "(a decompression bomb; PyPI's own rule, archive.compression-ratio, looks at all members together)";
        }
        return null;
    }
}
