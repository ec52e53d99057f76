package io.logflux.release.dist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the central directory the end record located, entry by entry within its checked size: what Python's
 * zipfile reads (names decoded as it decodes them, ZIP64 extras as it applies them) with warehouse's rules on each
 * entry ({@code _handle_central_directory_header}) and on the directory as a whole (duplicates, size, count).
 */
final class ZipCentralDirectory {
    static final int SIGNATURE = 0x02014b50;
    private static final int HEADER = 46;
    private static final int FLAG_UTF8 = 0x800;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int MADE_ON_UNIX = 3;

    private ZipCentralDirectory() {
    }

    static List<ZipMember> read(ZipBytes file, ZipEnd end) throws IOException, ZipRefusal {
        byte[] cd = file.read(end.directoryOffset(), (int) end.directorySize());
        List<ZipMember> members = new ArrayList<>((int) end.records());
        Map<String, Boolean> names = new HashMap<>();
        Map<Long, String> headers = new HashMap<>();
        int at = 0;
        for (long i = 0; i < end.records(); i++) {
            if (cd.length - at < HEADER) {
                throw new ZipRefusal("zip.central-directory", "Truncated central directory", "entry " + (i + 1)
                        + " of " + end.records() + " does not fit in the directory's " + cd.length + " bytes");
            }
            if (!ZipBytes.signatureAt(cd, at, SIGNATURE)) {
                throw new ZipRefusal("zip.central-directory", "Bad magic number for central directory", "entry "
                        + (i + 1) + " at " + (end.directoryOffset() + at) + " is not a central directory header");
            }
            int nameLength = ZipBytes.u16(cd, at + 28);
            int extraLength = ZipBytes.u16(cd, at + 30);
            int commentLength = ZipBytes.u16(cd, at + 32);
            if (commentLength != 0) {
                throw new ZipRefusal("zip.trailing-data", "Comment in central directory", "entry " + (i + 1)
                        + " has a " + commentLength + "-byte comment");
            }
            ZipNames.checkLength(nameLength, "central directory");
            int nameStart = at + HEADER;
            int extraStart = nameStart + nameLength;
            int next = extraStart + extraLength;
            if (next > cd.length) {
                throw new ZipRefusal("zip.central-directory", "Truncated central directory", "entry " + (i + 1)
                        + "'s name and extra field run past the directory's end");
            }
            ZipNames.checkPrintable(cd, nameStart, extraStart, "central directory");
            ZipMember member = member(cd, at, name(cd, at, nameStart, extraStart), extraStart, next);
            if (names.put(member.name(), Boolean.TRUE) != null) {
                throw new ZipRefusal("archive.duplicate", "Duplicate filename in central directory",
                        "'" + member.name() + "' appears twice; installers would pick either");
            }
            String sharing = headers.put(member.headerOffset(), member.name());
            if (sharing != null) {
                throw new ZipRefusal("zip.overlap", "Overlapping entries", "'" + member.name() + "' and '" + sharing
                        + "' share the local header at " + member.headerOffset() + " (a zip bomb's framing)");
            }
            members.add(member);
            at = next;
        }
        if (at != cd.length) {
            throw new ZipRefusal("zip.central-directory", "Mismatched central directory size", "its "
                    + end.records() + " entries take " + at + " bytes, the end record says " + cd.length);
        }
        return members;
    }

    /** Python's zipfile: UTF-8 when flagged, else cp437, which for a byte past ASCII never equals the UTF-8 name. */
    private static String name(byte[] cd, int at, int from, int to) throws ZipRefusal {
        boolean flagged = (ZipBytes.u16(cd, at + 8) & FLAG_UTF8) != 0;
        if (!flagged && !ZipNames.isAscii(cd, from, to)) {
            throw new ZipRefusal("zip.missing-entry", "Filename not in central directory", "'"
                    + ZipNames.shown(cd, from, to) + "' is not ASCII and has no UTF-8 flag, so the central directory "
                    + "names it in cp437 and its local header's UTF-8 name is not found there");
        }
        String name = ZipNames.utf8OrNull(cd, from, to);
        if (name == null) {
            throw new ZipRefusal("zip.filename", "Filename not unicode", "'" + ZipNames.shown(cd, from, to)
                    + "' is flagged UTF-8 but is not");
        }
        return name;
    }

    private static ZipMember member(byte[] cd, int at, String name, int extraStart, int extraEnd) throws ZipRefusal {
        long size = ZipBytes.u32(cd, at + 24);
        long compressedSize = ZipBytes.u32(cd, at + 20);
        long headerOffset = ZipBytes.u32(cd, at + 42);
        int extra = extraStart;
        while (extraEnd - extra >= 4) {
            int id = ZipBytes.u16(cd, extra);
            int length = ZipBytes.u16(cd, extra + 2);
            if (length + 4 > extraEnd - extra) {
                throw new ZipRefusal("zip.malformed", "Malformed zip file", String.format(
                        "corrupt extra field %04x (size=%d) of '%s' in the central directory", id, length, name));
            }
            if (id == ZIP64_EXTRA) {
                int field = extra + 4;
                int fieldEnd = field + length;
                if (size == ZipBytes.U32_MAX) {
                    size = zip64Field(cd, field, fieldEnd, name, "File size");
                    field += 8;
                }
                if (compressedSize == ZipBytes.U32_MAX) {
                    compressedSize = zip64Field(cd, field, fieldEnd, name, "Compress size");
                    field += 8;
                }
                if (headerOffset == ZipBytes.U32_MAX) {
                    headerOffset = zip64Field(cd, field, fieldEnd, name, "Header offset");
                }
            }
            extra += 4 + length;
        }
        int versionMadeBy = ZipBytes.u16(cd, at + 4);
        int unixMode = (versionMadeBy >> 8) == MADE_ON_UNIX ? (int) (ZipBytes.u32(cd, at + 38) >>> 16) : 0;
        return new ZipMember(name, ZipBytes.u16(cd, at + 10), ZipBytes.u16(cd, at + 8), ZipBytes.u32(cd, at + 16),
                compressedSize, size, headerOffset, -1, unixMode);
    }

    private static long zip64Field(byte[] cd, int field, int fieldEnd, String name, String what) throws ZipRefusal {
        if (fieldEnd - field < 8) {
            throw new ZipRefusal("zip.malformed", "Malformed zip file", "corrupt zip64 extra field of '" + name
                    + "': " + what + " not found");
        }
        return ZipBytes.u64(cd, field);
    }
}
