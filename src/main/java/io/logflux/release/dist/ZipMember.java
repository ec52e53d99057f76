package io.logflux.release.dist;

/**
 * One member of a checked ZIP layout: its central directory entry, agreed by its local header.
 *
 * @param name           the member's name, decoded as Python's zipfile decodes it
 * @param method         the compression method (0 stored, 8 deflated; others are refused when read)
 * @param flags          the general purpose bit flags
 * @param crc            the CRC-32 of the uncompressed data
 * @param compressedSize the bytes stored in the archive
 * @param size           the bytes the member inflates to
 * @param headerOffset   where its local header starts
 * @param dataOffset     where its stored data starts (after the local header's name and extra field)
 * @param unixMode       the Unix mode from the external attributes when made on Unix, else 0
 */
public record ZipMember(String name, int method, int flags, long crc, long compressedSize, long size,
                        long headerOffset, long dataOffset, int unixMode) {
    static final int METHOD_STORED = 0;
    static final int METHOD_DEFLATED = 8;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    public boolean isDirectory() {
        return name.endsWith("/");
    }

    public boolean isSymlink() {
        return (unixMode & S_IFMT) == S_IFLNK;
    }

    public boolean isStoredOrDeflated() {
        return method == METHOD_STORED || method == METHOD_DEFLATED;
    }

    ZipMember at(long newDataOffset) {
        return new ZipMember(name, method, flags, crc, compressedSize, size, headerOffset, newDataOffset, unixMode);
    }
}
