package io.logflux.release.publish;

import io.logflux.release.files.FileName;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The multipart body of one upload, in one of two layouts. <b>Digest first</b> (as twine sends it): the text fields
 * with the sha256, then the file; the sha256 must be known, and the check passed, before the first byte. <b>Digest
 * after the file</b>, for an index that has shown it refuses a form without a digest (warehouse: "Include at least
 * one message digest.", forms.py) and reads the whole form before looking at any field (webob parses the body before
 * the view runs; legacy.py reads fields by name): the file streams while the check and the digest pass run beside it,
 * and the {@link UploadGate} holds the sha256 field and the final boundary back until both are done and the file is
 * unchanged. A failure there cuts the request off: the index gets neither a complete body nor a digest.
 * The file part streams from disk in 64 KiB reads straight into OkHttp's buffer: memory does not grow with the file.
 */
final class UploadBody {
    static final String DIGEST_FIELD = "sha256_digest";
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int CHUNK = 64 * 1024;
    private static final int SHA256_HEX = 64;

    private UploadBody() {
    }

    /** The form's fields (its sha256 among them, if it has one), then the file; no file for a probe. */
    static RequestBody digestFirst(UploadForm form, Path file, long length, IndexHttp.Progress progress) {
        MultipartBody.Builder body = fields(form);
        if (file != null) {
            body.addFormDataPart("content", FileName.of(file),
                    new FileBody(file, length, progress, null));
        }
        return body.build();
    }

    /** The form's fields (without a sha256), the file, then the sha256 once {@code gate} opens, then the end. */
    static RequestBody digestAfterContent(UploadForm form, Path file, long length, IndexHttp.Progress progress,
                                          UploadGate gate) {
        FileBody content = new FileBody(file, length, progress, gate);
        return fields(form)
                .addFormDataPart("content", FileName.of(file), content)
                .addPart(MultipartBody.Part.createFormData(DIGEST_FIELD, null, new GatedDigest(gate, content)))
                .build();
    }

    private static MultipartBody.Builder fields(UploadForm form) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : form.fields()) {
            body.addFormDataPart(field.getKey(), field.getValue());
        }
        return body;
    }

    /** The file part: read from disk in chunks as OkHttp writes, so memory does not grow with the file. */
    private static final class FileBody extends RequestBody {
        private final Path file;
        private final long length;
        private final IndexHttp.Progress progress;
        private final UploadGate gate;
        private long sent;

        FileBody(Path file, long length, IndexHttp.Progress progress, UploadGate gate) {
            this.file = file;
            this.length = length;
            this.progress = progress;
            this.gate = gate;
        }

        @Override
        public MediaType contentType() {
            return OCTET_STREAM;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sent = 0;
            // Read straight into the sink's buffer segments: no copy through a byte array of our own.
            try (Source in = Okio.source(file)) {
                for (long n; (n = in.read(sink.getBuffer(), CHUNK)) != -1; ) {
                    sent += n;
                    if (sent > length) {
                        // Not emitted: the bytes past the declared length never leave the buffer.
                        throw gate != null ? gate.stopChanged(sent) : changedSize();
                    }
                    if (gate != null) {
                        gate.stopIfCheckFailed();
                    }
                    sink.emitCompleteSegments();
                    if (progress != null) {
                        progress.sent(sent);
                    }
                }
            }
            // With a gate, the gate compares the bytes sent with the file's size before the body may end.
            if (gate == null && sent != length) {
                throw changedSize();
            }
        }

        private IOException changedSize() {
            return new IOException(FileName.of(file) + " changed size while it was being uploaded (" + length
                    + " bytes expected, " + sent + " read)");
        }
    }

    /** The sha256 field's value: written only once the gate opens. */
    private static final class GatedDigest extends RequestBody {
        private final UploadGate gate;
        private final FileBody content;

        GatedDigest(UploadGate gate, FileBody content) {
            this.gate = gate;
            this.content = content;
        }

        @Override
        public MediaType contentType() {
            return null;
        }

        @Override
        public long contentLength() {
            return SHA256_HEX;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            // What came before goes out now (the index reads the file meanwhile); the value and the end wait.
            sink.flush();
            String sha256 = gate.open(content.sent);
            sink.writeString(sha256, StandardCharsets.US_ASCII);
        }
    }
}
