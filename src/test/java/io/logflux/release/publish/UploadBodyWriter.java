package io.logflux.release.publish;

import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * For bench/upload.sh's floor: writes the multipart body that {@code publish} sends for a file to BODY_FILE, in
 * LAYOUT ({@link BodyLayout}; default DIGEST_LAST, what an index that requires a digest gets: the fields, the file,
 * then the sha256; ACTION_LAST is pypiserver's), and prints its Content-Type, so that curl can send the same bytes to
 * the same server. Usage: UploadBodyWriter DIST_FILE BODY_FILE [LAYOUT]
 */
public final class UploadBodyWriter {
    private UploadBodyWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        BodyLayout layout = args.length > 2 ? BodyLayout.valueOf(args[2]) : BodyLayout.DIGEST_LAST;
        DistFile dist = DistFile.readRelease(List.of(file)).get(0);
        FileSnapshot snapshot = FileSnapshot.of(file);
        OutgoingFile outgoing = new OutgoingFile(dist, snapshot.digests().size(), snapshot.modified(),
                CompletableFuture.completedFuture(snapshot), false, CompletableFuture.completedFuture(null));
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                file, outgoing.size(), null, outgoing.gate(), layout);
        try (BufferedSink sink = Okio.buffer(Okio.sink(Path.of(args[1])))) {
            body.writeTo(sink);
        }
        System.out.println(body.contentType());
    }
}
