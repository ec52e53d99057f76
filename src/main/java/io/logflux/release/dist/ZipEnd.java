package io.logflux.release.dist;

import java.io.IOException;

/**
 * The end of a ZIP: the end-of-central-directory record (EOCD), and for ZIP64 its locator and the ZIP64 EOCD, read
 * from the end of the file before any of the central directory is, so that the entry count and the directory's
 * size are checked against the limits first. Mirrors {@code _handle_eocd}, {@code _handle_eocd64} and
 * {@code _handle_eocd64_locator} of warehouse/utils/zipfiles.py, with Python's zipfile finding the EOCD.
 *
 * @param records         how many central directory entries there are
 * @param directoryOffset where the central directory starts
 * @param directorySize   its length in bytes
 * @param directoryEnd    where it must end: at the ZIP64 EOCD when there is one, else at the EOCD
 */
record ZipEnd(long records, long directoryOffset, long directorySize, long directoryEnd) {
    static final int EOCD = 0x06054b50;
    static final int EOCD64 = 0x06064b50;
    static final int EOCD64_LOCATOR = 0x07064b50;
    private static final int EOCD_LENGTH = 22;
    private static final int LOCATOR_LENGTH = 20;
    private static final int EOCD64_LENGTH = 56;
    /** The largest comment an EOCD can announce, so the record is in the file's last 64 KiB + 22 bytes. */
    private static final int MAX_COMMENT = ZipBytes.U16_MAX;

    static ZipEnd read(ZipBytes file) throws IOException, ZipRefusal {
        long size = file.size();
        if (size < EOCD_LENGTH) {
            throw ZipRefusal.corrupt("File is not a zip file");
        }
        int tailLength = (int) Math.min(size, EOCD_LENGTH + MAX_COMMENT);
        long tailStart = size - tailLength;
        byte[] tail = file.read(tailStart, tailLength);
        int at = tail.length - EOCD_LENGTH;
        while (at >= 0 && !ZipBytes.signatureAt(tail, at, EOCD)) {
            at--;
        }
        if (at < 0) {
            throw ZipRefusal.corrupt("File is not a zip file");
        }
        long eocdOffset = tailStart + at;
        int recordsOnDisk = ZipBytes.u16(tail, at + 8);
        int records = ZipBytes.u16(tail, at + 10);
        long directorySize = ZipBytes.u32(tail, at + 12);
        long directoryOffset = ZipBytes.u32(tail, at + 16);
        int commentLength = ZipBytes.u16(tail, at + 20);
        if (recordsOnDisk != records) {
            throw malformed("the end of central directory record counts " + recordsOnDisk + " entries on this disk "
                    + "and " + records + " in all (an archive split over disks)");
        }
        if (eocdOffset + EOCD_LENGTH + commentLength != size) {
            throw new ZipRefusal("zip.trailing-data", "Trailing data", (size - eocdOffset - EOCD_LENGTH - commentLength)
                    + " bytes follow the end of the archive and its comment (another archive appended?)");
        }
        if (eocdOffset >= LOCATOR_LENGTH) {
            byte[] locator = file.read(eocdOffset - LOCATOR_LENGTH, LOCATOR_LENGTH);
            if (ZipBytes.signatureAt(locator, 0, EOCD64_LOCATOR)) {
                return zip64(file, eocdOffset - LOCATOR_LENGTH, locator);
            }
        }
        return new ZipEnd(records, directoryOffset, directorySize, eocdOffset);
    }

    private static ZipEnd zip64(ZipBytes file, long locatorOffset, byte[] locator) throws IOException, ZipRefusal {
        long diskWithEocd64 = ZipBytes.u32(locator, 4);
        long eocd64Offset = ZipBytes.u64(locator, 8);
        long disks = ZipBytes.u32(locator, 16);
        if (diskWithEocd64 != 0 || disks > 1) {
            throw malformed("the ZIP64 locator names " + disks + " disks (an archive split over disks)");
        }
        long expected = locatorOffset - EOCD64_LENGTH;
        if (eocd64Offset != expected) {
            if (eocd64Offset < locatorOffset - 12) {
                byte[] head = file.read(eocd64Offset, 12);
                if (ZipBytes.signatureAt(head, 0, EOCD64) && ZipBytes.u64(head, 4) != 44) {
                    throw extensibleData();
                }
            }
            throw malformed("the ZIP64 locator points to " + eocd64Offset + ", not to the ZIP64 end of central "
                    + "directory record before it at " + expected);
        }
        byte[] record = file.read(expected, EOCD64_LENGTH);
        if (!ZipBytes.signatureAt(record, 0, EOCD64)) {
            throw malformed("no ZIP64 end of central directory record before its locator");
        }
        if (ZipBytes.u64(record, 4) != 44) {
            throw extensibleData();
        }
        long recordsOnDisk = ZipBytes.u64(record, 24);
        long records = ZipBytes.u64(record, 32);
        if (recordsOnDisk != records) {
            throw malformed("the ZIP64 end of central directory record counts " + recordsOnDisk + " entries on this "
                    + "disk and " + records + " in all (an archive split over disks)");
        }
        return new ZipEnd(records, ZipBytes.u64(record, 48), ZipBytes.u64(record, 40), expected);
    }

    /** Refuses, before a byte of it is read, a central directory over the limits or not where it must be. */
    void checkBounds(ZipBytes file, int maxEntries, long maxDirectoryBytes) throws IOException, ZipRefusal {
        if (records > maxEntries) {
            throw ZipRefusal.limit("it has more than " + maxEntries + " members (its end of central directory record "
                    + "lists " + records + ")");
        }
        if (directorySize > maxDirectoryBytes) {
            throw ZipRefusal.limit("its central directory is " + directorySize + " bytes, more than the limit of "
                    + maxDirectoryBytes);
        }
        if (directoryOffset > directoryEnd || directorySize > directoryEnd - directoryOffset) {
            throw new ZipRefusal("zip.central-directory", "Mismatched central directory offset", "the end record puts "
                    + "the central directory at " + directoryOffset + " (" + directorySize + " bytes), past its end "
                    + "at " + directoryEnd);
        }
        if (directoryOffset + directorySize < directoryEnd) {
            if (ZipBytes.signatureAt(file.read(directoryOffset + directorySize, 4), 0, EOCD64)) {
                throw malformed("a ZIP64 end of central directory record without its locator");
            }
            throw new ZipRefusal("zip.trailing-data", "Unknown record signature", (directoryEnd - directoryOffset
                    - directorySize) + " bytes are not where the end record puts the archive (data prepended to "
                    + "the archive, or between its central directory and its end)");
        }
        if (directorySize < records * 46) {
            throw new ZipRefusal("zip.central-directory", "Mismatched central directory size", records
                    + " entries cannot fit in " + directorySize + " bytes");
        }
    }

    private static ZipRefusal malformed(String detail) {
        return new ZipRefusal("zip.central-directory", "Malformed zip file", detail);
    }

    private static ZipRefusal extensibleData() {
        return new ZipRefusal("zip.central-directory", "ZIP64 extensible data not allowed",
                "the ZIP64 end of central directory record is not 56 bytes long");
    }
}
