package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.dist.CoreMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A file on its way to the index: its metadata, size and modification time at once (read before anything else read
 * the file), its sha256, and the {@link UploadGate} its body ends at. The sha256 comes from the digest pass beside the
 * upload ({@code hashedWhenSent} false: the index needs it before the file, or lists a file of that name to compare
 * with) or else from the upload itself, which hashes the bytes it sends; asked for before any upload got that far
 * (a failure's message, a look after a lost answer), it is computed then.
 */
final class OutgoingFile {
    private final DistFile dist;
    private final long size;
    private final FileTime modified;
    private final CompletableFuture<FileSnapshot> snapshot;
    private final boolean hashedWhenSent;
    private final UploadGate gate;

    OutgoingFile(DistFile dist, long size, FileTime modified, CompletableFuture<FileSnapshot> snapshot,
                 boolean hashedWhenSent, CompletableFuture<?> checkPassed) {
        this.dist = dist;
        this.size = size;
        this.modified = modified;
        this.snapshot = snapshot;
        this.hashedWhenSent = hashedWhenSent;
        this.gate = new UploadGate(checkPassed, this);
    }

    /**
     * The digests of the bytes an upload sent: the file's from now on. A digest pass that saw other bytes of the same
     * size and time means the file was rewritten in between: refused.
     */
    void sent(FileDigests digests) {
        if (!snapshot.complete(new FileSnapshot(path(), digests, modified)) && !snapshot().digests().equals(digests)) {
            throw new ReleaseException(fileName() + " changed while it was being published (sha256 "
                    + snapshot().digests().sha256() + " when it was first read, " + digests.sha256() + " as it was "
                    + "sent, at the same size and modification time). Something rewrote dist/ during the run: "
                    + "rebuild, then run again; files already uploaded are skipped.");
        }
    }

    /** The file as it is now, before anything reads it: size and modification time. */
    static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new ReleaseException("Cannot read " + path + ": " + e.getMessage() + ". Check that the file exists "
                    + "and is readable, then run again.", e);
        }
    }

    /** Refuses to go on when the file's size or modification time moved since the publish started. */
    void assertUnchanged() {
        long now;
        try {
            now = Files.size(path());
        } catch (IOException e) {
            throw new ReleaseException(fileName() + " disappeared while it was being published (" + e.getMessage()
                    + "). Rebuild and run again: files already uploaded are skipped.", e);
        }
        FileTime modifiedNow = FileSnapshot.modifiedTime(path());
        if (now != size || !modifiedNow.equals(modified)) {
            throw changed(now);
        }
    }

    /** The refusal for a file that is not what it was when the publish started ({@code bytes}: what it is now). */
    ReleaseException changed(long bytes) {
        return new ReleaseException(fileName() + " changed while it was being published (it is now " + bytes
                + " bytes, modified " + FileSnapshot.modifiedTime(path()) + "; it was " + size + " bytes, modified "
                + modified + ", when the publish started). Something rewrote dist/ during the run: rebuild, then run "
                + "again; files already uploaded are skipped.");
    }

    /** The sha256 and size, waiting for the digest pass if it is still running (computed now if none will). */
    FileDigests digests() {
        return snapshot().digests();
    }

    /** The file with its bytes' facts, for the phases after the upload. */
    ReleaseFile release() {
        return dist.with(snapshot());
    }

    FileSnapshot snapshot() {
        if (hashedWhenSent && !snapshot.isDone()) {
            snapshot.complete(FileSnapshot.of(path(), modified));
        }
        try {
            return snapshot.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    CompletableFuture<FileSnapshot> snapshotFuture() {
        return snapshot;
    }

    UploadGate gate() {
        return gate;
    }

    long size() {
        return size;
    }

    Path path() {
        return dist.path();
    }

    String fileName() {
        return dist.fileName();
    }

    CoreMetadata metadata() {
        return dist.metadata();
    }

    String name() {
        return dist.name();
    }

    String version() {
        return dist.version();
    }

    String normalizedName() {
        return dist.normalizedName();
    }
}
