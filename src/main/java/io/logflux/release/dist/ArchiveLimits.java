package io.logflux.release.dist;

/**
 * Bounds on what reading a built file may cost, so that a damaged or hostile archive gives an error instead of
 * exhausting memory or time.
 *
 * @param maxMetadataBytes          the largest METADATA / PKG-INFO read
 * @param maxEntries                the most archive members looked at
 * @param maxTotalUncompressedBytes the most bytes an archive may inflate to; in an sdist its headers (GNU long names,
 *                                  pax headers, sparse maps) count too, and a member's declared size is checked
 *                                  against what is left before it is read
 */
public record ArchiveLimits(long maxMetadataBytes, int maxEntries, long maxTotalUncompressedBytes) {
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(8L << 20, 100_000, 4L << 30);
    }
}
