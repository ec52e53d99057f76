package io.logflux.release.dist;

import io.logflux.release.files.ThroughReadStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tar stream one 512-byte header at a time and checks every declared size against its limit BEFORE the
 * payload is read: a GNU long name or link name ({@code 'L'}/{@code 'K'}) at most {@value #MAX_NAME_BYTES} bytes
 * (Linux PATH_MAX), a pax header ({@code 'x'}/{@code 'g'}) at most {@value #MAX_PAX_BYTES} bytes, an old GNU sparse
 * map at most {@value #MAX_SPARSE_EXTENSIONS} extension headers, and every byte read — headers included — within
 * {@link ArchiveLimits#maxTotalUncompressedBytes()}. Commons Compress's TarArchiveInputStream (1.28.0) has no such
 * limits: it reads long names and pax headers whole into memory, collects sparse maps without bound and reads sparse
 * data recursively. Headers are parsed here with Commons' {@link TarArchiveEntry}, each from one bounded block; the
 * framing (which payload follows which header) is this class's, iterative, and follows Python's tarfile, which is
 * what PyPI opens sdists with: links, directories and devices carry no data, regular and unknown members do.
 * Sparse members are handed over as {@link TarMember.Type#SPARSE} and their data skipped, never expanded.
 */
public final class BoundedTarReader implements Closeable {
    public static final int MAX_NAME_BYTES = 4096;
    public static final int MAX_PAX_BYTES = 1 << 20;
    public static final int MAX_SPARSE_EXTENSIONS = 64;
    /** All member names and link names together: what a reader that keeps every name may hold. */
    public static final long MAX_TOTAL_NAME_BYTES = 32L << 20;
    /** Long-name, long-link and pax headers in a row before one member; a real archive has at most three. */
    static final int MAX_EXTENSION_HEADERS = 8;
    private static final int BLOCK = 512;
    private static final int TYPEFLAG = 156;
    private static final int SPARSE_EXTENSION_FLAG = 504;
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name());

    private final InputStream in;
    private final long maxBytes;
    private final byte[] block = new byte[BLOCK];
    private final byte[] scratch = new byte[1 << 16];
    private PaxRecords global = new PaxRecords();
    private long consumed;
    private long nameBytes;
    private long dataLeft;
    private long paddingLeft;
    private int headers;
    private boolean ended;

    public BoundedTarReader(InputStream tar, ArchiveLimits limits) {
        this.in = tar;
        this.maxBytes = limits.maxTotalUncompressedBytes();
    }

    /** A reader of a gzip-compressed tar (an sdist). The gzip header's optional name and comment are skipped, not kept. */
    public static BoundedTarReader openTarGz(Path file, ArchiveLimits limits) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new BoundedTarReader(new GZIPInputStream(raw, 1 << 16), limits);
        } catch (EOFException e) {
            raw.close();
            throw new IOException("it ends inside its gzip header", e);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The next member, or empty at the end of the archive; what was left of the previous member is skipped. */
    public Optional<TarMember> next() throws IOException {
        skip(dataLeft + paddingLeft);
        dataLeft = 0;
        paddingLeft = 0;
        String longName = null;
        String longLink = null;
        PaxRecords local = new PaxRecords();
        for (int extensions = 0; !ended; extensions++) {
            if (!readHeader()) {
                ended = true;
                break;
            }
            if (extensions > MAX_EXTENSION_HEADERS) {
                throw new TarLimitException("it has more than " + MAX_EXTENSION_HEADERS + " long-name or pax "
                        + "headers in a row before header #" + headers);
            }
            TarArchiveEntry header = parseHeader();
            long size = header.getSize();
            switch (block[TYPEFLAG]) {
                case 'L' -> longName = readName(size, "GNU long name");
                case 'K' -> longLink = readName(size, "GNU long link name");
                case 'x', 'X' -> local = readPax(size);
                case 'g' -> global = readPax(size).over(global);
                default -> {
                    return Optional.of(member(header, longName, longLink, local.over(global)));
                }
            }
        }
        return Optional.empty();
    }

    /** The current member's data; reading it counts against the archive's budget like everything else. */
    public InputStream content() {
        return new ThroughReadStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (dataLeft == 0) {
                    return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(length, dataLeft));
                if (n < 0) {
                    throw truncated();
                }
                dataLeft -= n;
                consumed += n;
                return n;
            }

            @Override
            public void close() {
                // the archive stays open for the next member
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private TarMember member(TarArchiveEntry header, String longName, String longLink, PaxRecords pax)
            throws IOException {
        byte flag = block[TYPEFLAG];
        String name = firstOf(pax.get(PaxRecords.PATH), longName, header.getName());
        String linkName = firstOf(pax.get(PaxRecords.LINK_PATH), longLink, header.getLinkName());
        countName(name, "name");
        countName(linkName, "link name");
        TarMember.Type type = pax.sparse() ? TarMember.Type.SPARSE : typeOf(flag, name);
        if (flag == 'S' && header.isExtended()) {
            skipSparseExtensions(name);
        }
        boolean hasData = type == TarMember.Type.FILE || type == TarMember.Type.SPARSE || type == TarMember.Type.OTHER;
        long size = hasData ? pax.size(header.getSize()) : 0;
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        ensureBudget(size + padding);
        dataLeft = size;
        paddingLeft = padding;
        return new TarMember(name, linkName, type, size);
    }

    /** Python's tarfile reading: an old-style regular file named with a trailing slash is a directory. */
    private static TarMember.Type typeOf(byte flag, String name) {
        return switch (flag) {
            case 0 -> name.endsWith("/") ? TarMember.Type.DIRECTORY : TarMember.Type.FILE;
            case '0', '7' -> TarMember.Type.FILE;
            case '1' -> TarMember.Type.HARDLINK;
            case '2' -> TarMember.Type.SYMLINK;
            case '3', '4' -> TarMember.Type.DEVICE;
            case '5' -> TarMember.Type.DIRECTORY;
            case '6' -> TarMember.Type.FIFO;
            case 'S' -> TarMember.Type.SPARSE;
            default -> TarMember.Type.OTHER;
        };
    }

    private void skipSparseExtensions(String name) throws IOException {
        int extensions = 0;
        do {
            if (++extensions > MAX_SPARSE_EXTENSIONS) {
                throw new TarLimitException("member " + QuotedNames.quote(name) + " has a sparse map of more than "
                        + MAX_SPARSE_EXTENSIONS + " extension headers");
            }
            if (!readBlock()) {
                throw truncated();
            }
        } while (block[SPARSE_EXTENSION_FLAG] != 0);
    }

    private String readName(long size, String what) throws IOException {
        if (size > MAX_NAME_BYTES + 1) {
            throw new TarLimitException("header #" + headers + " is a " + what + " of " + size + " bytes, more than "
                    + "the limit of " + MAX_NAME_BYTES + " (PATH_MAX)");
        }
        byte[] bytes = readPayload((int) size);
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private PaxRecords readPax(long size) throws IOException {
        if (size > MAX_PAX_BYTES) {
            throw new TarLimitException("header #" + headers + " is a pax header of " + size + " bytes, more than "
                    + "the limit of " + MAX_PAX_BYTES);
        }
        byte[] bytes = readPayload((int) size);
        return PaxRecords.parse(bytes, bytes.length);
    }

    private byte[] readPayload(int size) throws IOException {
        int padding = (BLOCK - size % BLOCK) % BLOCK;
        ensureBudget((long) size + padding);
        byte[] bytes = in.readNBytes(size);
        consumed += bytes.length;
        if (bytes.length < size) {
            throw truncated();
        }
        skip(padding);
        return bytes;
    }

    private void countName(String name, String what) throws TarLimitException {
        long bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new TarLimitException("header #" + headers + " gives a " + what + " of " + bytes + " bytes, more "
                    + "than the limit of " + MAX_NAME_BYTES + " (PATH_MAX): " + QuotedNames.quote(name));
        }
        nameBytes += bytes;
        if (nameBytes > MAX_TOTAL_NAME_BYTES) {
            throw new TarLimitException("its member names add up to more than " + MAX_TOTAL_NAME_BYTES + " bytes");
        }
    }

    private void ensureBudget(long bytes) throws TarLimitException {
        if (bytes > maxBytes - consumed) {
            throw new TarLimitException("its members inflate to more than " + maxBytes + " bytes");
        }
    }

    /** Reads the next header block; false at the end of the archive (a zero block, or the stream's end). */
    private boolean readHeader() throws IOException {
        if (!readBlock()) {
            return false;
        }
        headers++;
        for (byte b : block) {
            if (b != 0) {
                if (!checksumMatches()) {
                    throw new IOException("header #" + headers + " has a wrong checksum (this is not a tar "
                            + "archive, or a damaged one)");
                }
                return true;
            }
        }
        return false;
    }

    private boolean checksumMatches() {
        try {
            return TarUtils.verifyCheckSum(block);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads one whole block; false when the stream ends before it starts. */
    private boolean readBlock() throws IOException {
        ensureBudget(BLOCK);
        int n = in.readNBytes(block, 0, BLOCK);
        consumed += n;
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw truncated();
        }
        return true;
    }

    private TarArchiveEntry parseHeader() throws IOException {
        try {
            return new TarArchiveEntry(block, UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("header #" + headers + " is damaged: " + e.getMessage(), e);
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw truncated();
            }
            left -= n;
            consumed += n;
        }
    }

    private IOException truncated() {
        return new IOException("the archive ends inside header #" + headers + " or its data (truncated, or a size "
                + "larger than the data)");
    }

    private static String firstOf(String first, String second, String third) {
        return first != null ? first : second != null ? second : third;
    }
}
