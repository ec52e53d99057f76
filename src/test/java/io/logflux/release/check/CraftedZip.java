package io.logflux.release.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Writes ZIP files byte by byte, so that a test can craft exactly the framing it means: stored members with their
 * local headers, a central directory and an end record, each field open to change. Streams to the file, so crafting
 * a million entries costs little memory.
 */
public final class CraftedZip {
    /** One member: what its local header and its central entry say; each field may be changed by a test. */
    public static final class Member {
        public byte[] name;
        public byte[] centralName;
        public byte[] data;
        public int flags;
        public long localCompressedSize;
        public long localSize;
        public long centralCompressedSize;
        public long centralSize;
        public byte[] localExtra = new byte[0];
        public byte[] centralComment = new byte[0];
        /** When set, the central entry points to this offset instead of the member's own local header. */
        public Long centralOffset;
        public boolean writeLocal = true;
        public boolean writeCentral = true;
        long offset;

        Member(String name, byte[] data) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.centralName = this.name;
            this.data = data;
            this.localCompressedSize = data.length;
            this.localSize = data.length;
            this.centralCompressedSize = data.length;
            this.centralSize = data.length;
        }
    }

    private final List<Member> members = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private byte[] suffix = new byte[0];
    private byte[] archiveComment = new byte[0];
    private byte[] beforeEnd = new byte[0];
    private Integer endRecords;
    private Consumer<ByteArrayOutputStream> endRecords64;

    public Member add(String name, String content) {
        Member member = new Member(name, content.getBytes(StandardCharsets.UTF_8));
        members.add(member);
        return member;
    }

    public List<Member> members() {
        return members;
    }

    public CraftedZip prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    public CraftedZip suffix(byte[] bytes) {
        suffix = bytes;
        return this;
    }

    public CraftedZip archiveComment(String comment) {
        archiveComment = comment.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Bytes written between the central directory and the end record. */
    public CraftedZip beforeEnd(byte[] bytes) {
        beforeEnd = bytes;
        return this;
    }

    /** What the end record says the entry count is (0xFFFF points readers to the ZIP64 record). */
    public CraftedZip endRecords(int count) {
        endRecords = count;
        return this;
    }

    /**
     * Writes a ZIP64 end record and its locator before the end record: {@code records}, {@code size} and
     * {@code offset} of the central directory, and a record length of {@code recordLength} (44 is the only one
     * PyPI accepts).
     */
    public CraftedZip zip64End(long records, long size, long offset, long recordLength) {
        endRecords64 = out -> {
            int eocd64At = out.size();
            int32(out, 0x06064b50);
            int64(out, recordLength);
            int16(out, 45);
            int16(out, 45);
            int32(out, 0);
            int32(out, 0);
            int64(out, records);
            int64(out, records);
            int64(out, size);
            int64(out, offset);
            int32(out, 0x07064b50);
            int32(out, 0);
            int64(out, eocd64At);
            int32(out, 1);
        };
        return this;
    }

    public Path write(Path file) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(prefix);
            for (Member member : members) {
                member.offset = bytes.size();
                if (member.writeLocal) {
                    local(bytes, member);
                }
                if (bytes.size() > 1 << 20) {
                    throw new IllegalStateException("use the streamed many() for large archives");
                }
            }
            int directoryOffset = bytes.size();
            for (Member member : members) {
                if (member.writeCentral) {
                    central(bytes, member);
                }
            }
            int directorySize = bytes.size() - directoryOffset;
            bytes.write(beforeEnd);
            if (endRecords64 != null) {
                endRecords64.accept(bytes);
            }
            int count = (int) members.stream().filter(m -> m.writeCentral).count();
            end(bytes, endRecords != null ? endRecords : count, directorySize, directoryOffset, archiveComment);
            bytes.write(suffix);
            bytes.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A well-framed archive of {@code count} empty members, streamed: a million cost some 80 MB of disk only. */
    public static Path many(Path file, int count) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            long offset = 0;
            for (int i = 0; i < count; i++) {
                record.reset();
                local(record, new Member("m" + i, new byte[0]));
                record.writeTo(out);
                offset += record.size();
            }
            long directorySize = 0;
            long at = 0;
            for (int i = 0; i < count; i++) {
                record.reset();
                Member member = new Member("m" + i, new byte[0]);
                member.offset = at;
                at += 30 + member.name.length;
                central(record, member);
                record.writeTo(out);
                directorySize += record.size();
            }
            record.reset();
            CraftedZip shape = new CraftedZip().zip64End(count, directorySize, offset, 44);
            shape.endRecords64.accept(record);
            byte[] tail = record.toByteArray();
            // the locator names the ZIP64 record by its absolute offset
            long eocd64At = offset + directorySize;
            for (int b = 0; b < 8; b++) {
                tail[56 + 8 + b] = (byte) (eocd64At >>> (8 * b));
            }
            out.write(tail);
            record.reset();
            end(record, 0xFFFF, (int) Math.min(directorySize, 0xFFFFFFFFL), (int) Math.min(offset, 0xFFFFFFFFL),
                    new byte[0]);
            record.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void local(ByteArrayOutputStream out, Member member) {
        int32(out, 0x04034b50);
        int16(out, 20);
        int16(out, member.flags);
        int16(out, 0);
        int32(out, 0);
        int32(out, (int) crc(member.data));
        int32(out, (int) member.localCompressedSize);
        int32(out, (int) member.localSize);
        int16(out, member.name.length);
        int16(out, member.localExtra.length);
        out.writeBytes(member.name);
        out.writeBytes(member.localExtra);
        out.writeBytes(member.data);
    }

    private static void central(ByteArrayOutputStream out, Member member) {
        int32(out, 0x02014b50);
        int16(out, 0x0314);
        int16(out, 20);
        int16(out, member.flags);
        int16(out, 0);
        int32(out, 0);
        int32(out, (int) crc(member.data));
        int32(out, (int) member.centralCompressedSize);
        int32(out, (int) member.centralSize);
        int16(out, member.centralName.length);
        int16(out, 0);
        int16(out, member.centralComment.length);
        int16(out, 0);
        int16(out, 0);
        int32(out, 0100644 << 16);
        int32(out, (int) (member.centralOffset != null ? member.centralOffset : member.offset));
        out.writeBytes(member.centralName);
        out.writeBytes(member.centralComment);
    }

    private static void end(ByteArrayOutputStream out, int records, int size, int offset, byte[] comment) {
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, records);
        int16(out, records);
        int32(out, size);
        int32(out, offset);
        int16(out, comment.length);
        out.writeBytes(comment);
    }

    /** An extra field: its id, its length, its data. */
    public static byte[] extra(int id, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int16(out, id);
        int16(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value & 0xFFFF);
        int16(out, (value >>> 16) & 0xFFFF);
    }

    static void int64(ByteArrayOutputStream out, long value) {
        int32(out, (int) value);
        int32(out, (int) (value >>> 32));
    }
}
