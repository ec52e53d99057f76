package io.logflux.release.dist;

import io.logflux.release.files.FileName;

import org.apache.commons.compress.utils.BoundedSeekableByteChannelInputStream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A wheel's (or zip sdist's) ZIP layout, read with a bound on every step and checked against PyPI's framing rules
 * (warehouse/utils/zipfiles.py, docs.pypi.org/archives) before a member is read: the end records first (entry count
 * and directory size against the limits), then the central directory, then every local record from the first byte,
 * so that each member is one local record that agrees with its one central entry, nothing overlaps, and nothing
 * comes before, between or after. Members are then read from the offsets found, inflating no further than the
 * size the archive declares.
 */
public final class ZipLayout implements Closeable {
    /** The largest central directory read: 100,000 entries with names of over 300 bytes. */
    public static final long MAX_DIRECTORY_BYTES = 32L << 20;

    private final FileChannel channel;
    private final List<ZipMember> members;

    private ZipLayout(FileChannel channel, List<ZipMember> members) {
        this.channel = channel;
        this.members = List.copyOf(members);
    }

    /**
     * Opens and checks {@code file}; {@code kind} ("wheel", "sdist (zip)") is how messages name it.
     *
     * @throws InvalidZipException when the archive is damaged, over a limit, or framed in a way PyPI refuses
     * @throws IOException         when the file cannot be read
     */
    public static ZipLayout open(Path file, String kind, ArchiveLimits limits) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ZipBytes bytes = new ZipBytes(channel);
            ZipEnd end = ZipEnd.read(bytes);
            end.checkBounds(bytes, limits.maxEntries(), MAX_DIRECTORY_BYTES);
            List<ZipMember> central = ZipCentralDirectory.read(bytes, end);
            return new ZipLayout(channel, ZipLocalHeaders.walk(bytes, end, central));
        } catch (ZipRefusal refusal) {
            channel.close();
            throw new InvalidZipException(FileName.of(file), kind, refusal);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The members in central directory order. */
    public List<ZipMember> members() {
        return members;
    }

    /**
     * The member's uncompressed bytes. The stream ends at the declared size (what inflates past it is not read, as
     * in Python's zipfile) and fails with an {@link IOException} when the data ends sooner or its CRC-32 differs.
     */
    public InputStream read(ZipMember member) throws IOException {
        if (!member.isStoredOrDeflated()) {
            throw new IOException("member '" + member.name() + "' uses compression method " + member.method());
        }
        InputStream stored = new BoundedSeekableByteChannelInputStream(member.dataOffset(), member.compressedSize(),
                channel);
        InputStream data = member.method() == ZipMember.METHOD_STORED ? stored
                : new InflaterInputStream(stored, new Inflater(true), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        inf.end();
                    }
                };
        return new CheckedMemberStream(data, member);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
