package io.logflux.release.hostile;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed tar header by header, so a test can declare what no tar library would write (a 2.5 GB
 * long name, a 1.9 GB pax header, thousands of sparse extension blocks) while the file on disk stays small: declared
 * sizes need not be backed by data, and zeros compress to almost nothing.
 */
public final class HostileTar implements Closeable {
    public static final int BLOCK = 512;
    private final OutputStream out;

    private HostileTar(OutputStream out) {
        this.out = out;
    }

    public static HostileTar create(Path file) {
        try {
            return new HostileTar(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ustar header; {@code type} is the typeflag ('0' file, '2' symlink, 'L' GNU long name, 'x' pax, …). */
    public HostileTar header(String name, char type, long size, String linkName) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, name);
        put(block, 100, 8, "0000644");
        put(block, 108, 8, "0000000");
        put(block, 116, 8, "0000000");
        put(block, 124, 12, String.format("%011o", size));
        put(block, 136, 12, "00000000000");
        block[156] = (byte) type;
        put(block, 157, 100, linkName);
        put(block, 257, 6, "ustar");
        put(block, 263, 2, "00");
        return block(checksummed(block));
    }

    public HostileTar header(String name, char type, long size) {
        return header(name, type, size, "");
    }

    /** An old GNU sparse header ('S') whose map continues in extension blocks when {@code extended}. */
    public HostileTar gnuSparseHeader(String name, long size, boolean extended) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, name);
        put(block, 100, 8, "0000644");
        put(block, 124, 12, String.format("%011o", size));
        put(block, 136, 12, "00000000000");
        block[156] = 'S';
        put(block, 257, 8, "ustar  ");
        block[482] = (byte) (extended ? 1 : 0);
        put(block, 483, 12, String.format("%011o", size));
        return block(checksummed(block));
    }

    /** One sparse extension block of 21 empty entries, saying whether another follows. */
    public HostileTar sparseExtension(boolean more) {
        byte[] block = new byte[BLOCK];
        block[504] = (byte) (more ? 1 : 0);
        return block(block);
    }

    /** A regular file member with its content. */
    public HostileTar file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        header(name, '0', bytes.length);
        return data(bytes);
    }

    /** A GNU long name record ('L') for the member that follows. */
    public HostileTar longName(String name) {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        header("././@LongLink", 'L', bytes.length);
        return data(bytes);
    }

    /** A pax header ('x') holding these records ("key=value" each). */
    public HostileTar pax(String... records) {
        StringBuilder payload = new StringBuilder();
        for (String record : records) {
            int length = record.getBytes(StandardCharsets.UTF_8).length + 2;
            int digits = Integer.toString(length).length();
            int total = length + digits;
            if (Integer.toString(total).length() > digits) {
                total++;
            }
            payload.append(total).append(' ').append(record).append('\n');
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        header("././@PaxHeader", 'x', bytes.length);
        return data(bytes);
    }

    /** Bytes as they are, not padded. */
    public HostileTar raw(byte[] bytes) {
        write(bytes, bytes.length);
        return this;
    }

    /** Data, padded to the next block. */
    public HostileTar data(byte[] bytes) {
        write(bytes, bytes.length);
        return zeros((BLOCK - bytes.length % BLOCK) % BLOCK);
    }

    /** {@code count} zero bytes, written from one small buffer. */
    public HostileTar zeros(long count) {
        byte[] chunk = new byte[1 << 16];
        for (long left = count; left > 0; left -= chunk.length) {
            write(chunk, (int) Math.min(chunk.length, left));
        }
        return this;
    }

    /** Ends the archive (two zero blocks) and the gzip stream. */
    @Override
    public void close() {
        zeros(2 * BLOCK);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the gzip stream without the tar's end blocks, as a cut-off download would. */
    public void cutOff() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HostileTar block(byte[] block) {
        write(block, BLOCK);
        return this;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(byte[] block, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, block, offset, Math.min(length, bytes.length));
    }

    private static byte[] checksummed(byte[] block) {
        for (int i = 148; i < 156; i++) {
            block[i] = ' ';
        }
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, 8, String.format("%06o", sum));
        block[154] = 0;
        block[155] = ' ';
        return block;
    }
}
