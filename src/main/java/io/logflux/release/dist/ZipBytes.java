package io.logflux.release.dist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads ZIP records at absolute positions of a file, and their little-endian fields. */
final class ZipBytes {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final int U16_MAX = 0xFFFF;

    private final FileChannel channel;
    private final long size;

    ZipBytes(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /** {@code length} bytes at {@code position}; fewer in the file is warehouse's "Malformed zip file". */
    byte[] read(long position, int length) throws IOException, ZipRefusal {
        if (position < 0 || length < 0 || position > size - length) {
            throw new ZipRefusal("zip.malformed", "Malformed zip file", "a record runs past the end of the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipRefusal("zip.malformed", "Malformed zip file", "the file ended while it was read");
            }
        }
        return buffer.array();
    }

    FileChannel channel() {
        return channel;
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] bytes, int at) {
        return u16(bytes, at) | (long) u16(bytes, at + 2) << 16;
    }

    /** An unsigned 64-bit field; past {@link Long#MAX_VALUE} it is warehouse's "Negative offset". */
    static long u64(byte[] bytes, int at) throws ZipRefusal {
        long value = u32(bytes, at) | u32(bytes, at + 4) << 32;
        if (value < 0) {
            throw new ZipRefusal("zip.negative-offset", "Negative offset",
                    "a ZIP64 size or offset does not fit a signed 64-bit number");
        }
        return value;
    }

    static boolean signatureAt(byte[] bytes, int at, int signature) {
        return at >= 0 && at + 4 <= bytes.length && (int) u32(bytes, at) == signature;
    }
}
