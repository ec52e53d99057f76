package io.logflux.release.dist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the local records from the first byte of the file up to the central directory, one header and its data
 * after another, as warehouse's {@code _validate_zipfile} does: so that a reader of the central directory and a
 * reader streaming local headers see the same members. Each local header is checked against its central entry
 * ({@code _handle_local_file_header}); nothing may come before, between or inside the records.
 */
final class ZipLocalHeaders {
    static final int SIGNATURE = 0x04034b50;
    private static final int HEADER = 30;
    private static final int FLAG_DATA_DESCRIPTOR = 0x08;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int UNICODE_PATH_EXTRA = 0x7075;
    private static final long SENTINEL = ZipBytes.U32_MAX;

    private ZipLocalHeaders() {
    }

    /** The members with their data offsets, once every local record agrees with its central entry. */
    static List<ZipMember> walk(ZipBytes file, ZipEnd end, List<ZipMember> central) throws IOException, ZipRefusal {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < central.size(); i++) {
            index.put(central.get(i).name(), i);
        }
        ZipMember[] placed = new ZipMember[central.size()];
        long[] starts = new long[central.size()];
        long[] ends = new long[central.size()];
        int walked = 0;
        long position = 0;
        while (position < end.directoryOffset()) {
            byte[] header = file.read(position, HEADER);
            if (!ZipBytes.signatureAt(header, 0, SIGNATURE)) {
                throw unknown(position, header);
            }
            int nameLength = ZipBytes.u16(header, 26);
            int extraLength = ZipBytes.u16(header, 28);
            ZipNames.checkLength(nameLength, "local headers");
            byte[] nameAndExtra = file.read(position + HEADER, nameLength + extraLength);
            ZipNames.checkPrintable(nameAndExtra, 0, nameLength, "local headers");
            long[] sizes = sizes(header, nameAndExtra, nameLength);
            if ((ZipBytes.u16(header, 6) & FLAG_DATA_DESCRIPTOR) != 0) {
                throw new ZipRefusal("zip.data-descriptor", "ZIP contains a data descriptor", "'"
                        + ZipNames.shown(nameAndExtra, 0, nameLength) + "' has its sizes after its data, not in "
                        + "its local header");
            }
            int member = lookUp(index, nameAndExtra, nameLength);
            ZipMember entry = central.get(member);
            if (entry.compressedSize() != sizes[0]) {
                throw mismatch("Mis-matched data size", entry, "compressed size", sizes[0], entry.compressedSize());
            }
            if (entry.size() != sizes[1]) {
                throw mismatch("Mis-matched file size", entry, "size", sizes[1], entry.size());
            }
            if (placed[member] != null) {
                throw new ZipRefusal("archive.duplicate", "Duplicate filename in local headers", "'"
                        + entry.name() + "' appears twice, with local headers at " + placed[member].headerOffset() + " and " + position);
            }
            if (entry.headerOffset() != position) {
                throw new ZipRefusal("zip.local-header", "Mis-matched local header offset", "the central directory "
                        + "puts '" + entry.name() + "' at " + entry.headerOffset() + ", its local header is at "
                        + position);
            }
            long dataOffset = position + HEADER + nameLength + extraLength;
            placed[member] = entry.at(dataOffset);
            starts[walked] = position;
            position = dataOffset + sizes[0];
            ends[walked++] = position;
            if (position > end.directoryOffset()) {
                throw new ZipRefusal("zip.overlap", "Overlapping entries", "the data of '" + entry.name()
                        + "' runs into the central directory");
            }
        }
        List<ZipMember> members = new ArrayList<>(placed.length);
        for (int i = 0; i < placed.length; i++) {
            if (placed[i] == null) {
                throw missing(central.get(i), starts, ends, walked);
            }
            members.add(placed[i]);
        }
        return members;
    }

    /** The compressed size and size, after warehouse's reading of the local extra fields (ZIP64, Unicode Path). */
    private static long[] sizes(byte[] header, byte[] nameAndExtra, int nameLength) throws ZipRefusal {
        int method = ZipBytes.u16(header, 8);
        long compressedSize = ZipBytes.u32(header, 18);
        long size = ZipBytes.u32(header, 22);
        boolean seenZip64 = false;
        boolean seenUnicodePath = false;
        int at = nameLength;
        while (at < nameAndExtra.length) {
            if (nameAndExtra.length - at < 4) {
                throw malformed("a local extra field is shorter than its 4-byte header");
            }
            int id = ZipBytes.u16(nameAndExtra, at);
            int length = ZipBytes.u16(nameAndExtra, at + 2);
            if (length + 4 > nameAndExtra.length - at) {
                throw malformed(String.format("the local extra field %04x (size=%d) runs past the extra fields", id,
                        length));
            }
            if ((id == ZIP64_EXTRA && seenZip64) || (id == UNICODE_PATH_EXTRA && seenUnicodePath)) {
                throw new ZipRefusal("zip.duplicate-extra", "Invalid duplicate extra in local file", String.format(
                        "extra field %04x appears twice in the local header of '%s'", id,
                        ZipNames.shown(nameAndExtra, 0, nameLength)));
            }
            int data = at + 4;
            if (id == ZIP64_EXTRA) {
                seenZip64 = true;
                if (length != 0 && length != 8 && length != 16 && length != 24 && length != 28) {
                    throw malformed("a local ZIP64 extra field is " + length + " bytes");
                }
                if (length == 0) {
                    if (compressedSize == SENTINEL || size == SENTINEL) {
                        throw malformed("a local ZIP64 extra field is empty but a size needs it");
                    }
                } else if (length == 8) {
                    if (method != ZipMember.METHOD_STORED) {
                        throw malformed("a compressed member's local ZIP64 extra field has no compressed size");
                    }
                    long uncompressed = ZipBytes.u64(nameAndExtra, data);
                    compressedSize = uncompressed;
                    size = size == SENTINEL ? uncompressed : size;
                } else {
                    size = size == SENTINEL ? ZipBytes.u64(nameAndExtra, data) : size;
                    compressedSize = ZipBytes.u64(nameAndExtra, data + 8);
                }
            } else if (id == UNICODE_PATH_EXTRA) {
                seenUnicodePath = true;
                int from = Math.min(at + 9, data + length);
                ZipNames.checkPrintable(nameAndExtra, from, data + length, "Unicode Path extra field");
                if (ZipNames.utf8OrNull(nameAndExtra, from, data + length) == null) {
                    throw new ZipRefusal("zip.filename", "Filename not valid UTF-8", "the Unicode Path extra field of '"
                            + ZipNames.shown(nameAndExtra, 0, nameLength) + "'");
                }
            }
            at = data + length;
        }
        return new long[] {compressedSize, size};
    }

    private static int lookUp(Map<String, Integer> index, byte[] nameAndExtra, int nameLength) throws ZipRefusal {
        String name = ZipNames.utf8OrNull(nameAndExtra, 0, nameLength);
        if (name == null) {
            throw new ZipRefusal("zip.filename", "Filename not unicode", "the local header name '"
                    + ZipNames.shown(nameAndExtra, 0, nameLength) + "' is not UTF-8");
        }
        Integer member = index.get(name);
        if (member == null) {
            throw new ZipRefusal("zip.missing-entry", "Filename not in central directory", "'" + name
                    + "' has a local header but no central directory entry (a hidden or deleted file)");
        }
        return member;
    }

    private static ZipRefusal unknown(long position, byte[] header) {
        int signature = (int) ZipBytes.u32(header, 0);
        if (position == 0) {
            return new ZipRefusal("zip.trailing-data", "Unknown record signature",
                    "the file does not start with a local header (data prepended to the archive)");
        }
        if (signature == ZipCentralDirectory.SIGNATURE || signature == ZipEnd.EOCD || signature == ZipEnd.EOCD64) {
            return new ZipRefusal("zip.central-directory", "Multiple central directories", "a central directory "
                    + "record at " + position + " comes before the central directory the end record names");
        }
        return new ZipRefusal("zip.unknown-record", "Unknown record signature", String.format(
                "the record at %d starts with %08x, not with a local header", position, signature));
    }

    private static ZipRefusal mismatch(String problem, ZipMember entry, String what, long local, long central) {
        return new ZipRefusal("zip.local-header", problem, "'" + entry.name() + "': its local header says " + what
                + " " + local + ", the central directory " + central);
    }

    private static ZipRefusal missing(ZipMember entry, long[] starts, long[] ends, int walked) {
        int i = Arrays.binarySearch(starts, 0, walked, entry.headerOffset());
        int containing = i >= 0 ? i : -i - 2;
        if (containing >= 0 && entry.headerOffset() < ends[containing]) {
            return new ZipRefusal("zip.overlap", "Overlapping entries", "'" + entry.name() + "' starts at "
                    + entry.headerOffset() + ", inside another member's local record (a zip bomb's framing)");
        }
        return new ZipRefusal("zip.missing-entry", "Missing filename in local headers", "'" + entry.name()
                + "' is in the central directory but has no local header");
    }

    private static ZipRefusal malformed(String detail) {
        return new ZipRefusal("zip.malformed", "Malformed zip file", detail);
    }
}
