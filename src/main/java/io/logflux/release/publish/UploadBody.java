package io.logflux.release.publish;

import io.logflux.release.files.FileName;
import io.logflux.release.http.FileBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The multipart body of one upload, in the {@link BodyLayout} the index allows. <b>Check first</b> (as twine sends it):
 * the text fields with the sha256, then the file; the sha256 must be known, and the check passed, before the first
 * byte. <b>Streaming while checking</b>, for an index that has shown it refuses a form without a digest (warehouse) or
 * without its action (pypiserver), and reads the whole form before it acts on any field (webob parses the body before
 * the view runs; bottle's request.forms parses all of it): the text fields, the file, then the sha256 field, whose
 * value the {@link UploadGate} holds back until the check passed, the sha256 is known and the file is unchanged, then
 * (for pypiserver) {@code :action}, then the final boundary. A failure at the gate cuts the request off: the index
 * gets neither a complete body nor the field it cannot do without, even where its server passes a cut-off body on
 * (pypiserver on wsgiref keeps the file part of one whose {@code :action} came first).
 * The file part streams from disk ({@link FileBody}): memory does not grow with the file.
 */
final class UploadBody {
    static final String DIGEST_FIELD = "sha256_digest";
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int SHA256_HEX = 64;

    private UploadBody() {
    }

    /** The form's fields (its sha256 among them, if it has one), then the file; no file for a probe. */
    static RequestBody digestFirst(UploadForm form, Path file, long length, IndexHttp.Progress progress) {
        MultipartBody.Builder body = fields(form);
        if (file != null) {
            body.addFormDataPart("content", FileName.of(file),
                    new UploadedFile(file, length, progress, null));
        }
        return body.build();
    }

    /**
     * The form's fields (without a sha256; without the action when {@code layout} puts it last), the file, the sha256
     * once {@code gate} opens, then the action if it goes last, then the end.
     */
    static RequestBody streaming(UploadForm form, Path file, long length, IndexHttp.Progress progress,
                                 UploadGate gate, BodyLayout layout) {
        UploadedFile content = new UploadedFile(file, length, progress, gate);
        MultipartBody.Builder body = fields(layout.actionLast() ? form.without(UploadForm.ACTION) : form)
                .addFormDataPart("content", FileName.of(file), content)
                .addPart(MultipartBody.Part.createFormData(DIGEST_FIELD, null, new GatedDigest(gate, content)));
        if (layout.actionLast()) {
            // After the gated value: a body cut off while the gate waits has no action, so pypiserver stores nothing.
            body.addFormDataPart(UploadForm.ACTION, UploadForm.ACTION_UPLOAD);
        }
        return body.build();
    }

    private static MultipartBody.Builder fields(UploadForm form) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : form.fields()) {
            body.addFormDataPart(field.getKey(), field.getValue());
        }
        return body;
    }

    /**
     * The file part, with the upload's progress and, in a streaming layout, its gate and the sha256 of the bytes as
     * they are sent: the digest field says what this very body carried, and no other pass reads the file for it.
     */
    private static final class UploadedFile extends FileBody {
        private final IndexHttp.Progress progress;
        private final UploadGate gate;
        private final MessageDigest sha256;

        UploadedFile(Path file, long length, IndexHttp.Progress progress, UploadGate gate) {
            super(file, length, OCTET_STREAM);
            this.progress = progress;
            this.gate = gate;
            this.sha256 = gate == null ? null : FileDigests.newSha256();
        }

        @Override
        protected void sending(byte[] bytes, int length) {
            if (sha256 != null) {
                sha256.update(bytes, 0, length);
            }
        }

        /** The sha256 of the bytes sent, once the whole file was. */
        String sentSha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        protected void beforeChunk(long read) throws IOException {
            if (gate != null) {
                gate.stopIfCheckFailed();
            }
        }

        @Override
        protected void afterChunk(long sentSoFar) {
            if (progress != null) {
                progress.sent(sentSoFar);
            }
        }

        @Override
        protected IOException grew(long read) {
            return gate != null ? gate.stopChanged(read) : super.grew(read);
        }

        @Override
        protected void ended(long read) throws IOException {
            // With a gate, the gate compares the bytes sent with the file's size before the body may end.
            if (gate == null) {
                super.ended(read);
            }
        }
    }

    /** The sha256 field's value: written only once the gate opens. */
    private static final class GatedDigest extends RequestBody {
        private final UploadGate gate;
        private final UploadedFile content;

        GatedDigest(UploadGate gate, UploadedFile content) {
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
            String sha256 = gate.open(content.sent(), content.sentSha256());
            sink.writeString(sha256, StandardCharsets.US_ASCII);
        }
    }
}
