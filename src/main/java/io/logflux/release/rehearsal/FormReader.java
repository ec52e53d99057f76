package io.logflux.release.rehearsal;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/form-data upload as it arrives, with Commons FileUpload's streaming parser, against
 * {@link FormLimits}: text fields into memory, the "content" file straight to a temporary file, digested as it is
 * written (sha256, BLAKE2b-256, MD5: what the index compares and lists), other file parts counted and dropped. Every
 * limit stops the reading where it is passed; on every way out but a returned form, no temporary file is left.
 */
final class FormReader {
    private static final int COPY_BUFFER = 64 * 1024;

    private final Path tempDir;
    private final FormLimits limits;

    FormReader(Path tempDir, FormLimits limits) {
        this.tempDir = tempDir;
        this.limits = limits;
    }

    /** True for a multipart/form-data type that names a boundary. */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && new Parser().getBoundary(contentType) != null;
    }

    /**
     * Reads the parts of {@code body} ({@code contentLength} -1 when not declared). Throws FormRefusal at a limit
     * other than a file's (a file over its limit ends the form: see {@link UploadedForm#complete()}), IOException
     * for a malformed or truncated body.
     */
    UploadedForm read(String contentType, long contentLength, InputStream body) throws IOException, FormRefusal {
        BoundedBody bounded = new BoundedBody(body, limits.maxBodyBytes(), limits.maxBodyTime(), System::nanoTime);
        List<FormPart> parts = new ArrayList<>();
        boolean returned = false;
        try {
            UploadedForm form = readParts(new Body(contentType, contentLength, bounded), parts);
            returned = true;
            return form;
        } catch (IOException e) {
            if (bounded.exceeded()) {
                throw new FormRefusal("The upload is larger than the " + limits.maxBodyBytes() + " bytes the index "
                        + "accepts.");
            }
            if (e instanceof FileUploadSizeException) {
                throw new FormRefusal("A part's headers are longer than " + FormLimits.PART_HEADERS_BYTES
                        + " bytes.");
            }
            throw e;
        } finally {
            if (!returned) {
                UploadedForm.deleteFiles(parts);
            }
        }
    }

    private UploadedForm readParts(Body body, List<FormPart> parts) throws IOException, FormRefusal {
        Parser parser = new Parser();
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        if (body.getContentLength() > limits.maxBodyBytes()) {
            throw new FormRefusal("The upload is larger than the " + limits.maxBodyBytes() + " bytes the index "
                    + "accepts.");
        }
        FileItemInputIterator items = parser.getItemIterator(body);
        long fieldBytes = 0;
        while (items.hasNext()) {
            FileItemInput item = items.next();
            if (parts.size() == limits.maxParts()) {
                throw new FormRefusal("The upload has more than " + limits.maxParts() + " form fields.");
            }
            String name = item.getFieldName();
            // The name as sent; FileItemInput.getName() refuses NUL, which warehouse's filename check reports.
            String fileName = parser.getFileName(item.getHeaders());
            if (fileName == null) {
                FormPart field = field(name, item);
                fieldBytes += field.size();
                if (fieldBytes > limits.maxFieldsBytes()) {
                    throw new FormRefusal("The upload's text fields are larger than " + limits.maxFieldsBytes()
                            + " bytes together.");
                }
                parts.add(field);
                continue;
            }
            FormPart file = name.equals("content") ? keep(name, fileName, item) : drop(name, fileName, item);
            parts.add(file);
            if (file.size() > limits.maxFileBytes()) {
                return new UploadedForm(parts, false);
            }
        }
        return new UploadedForm(parts, true);
    }

    private FormPart field(String name, FileItemInput item) throws IOException, FormRefusal {
        byte[] value = item.getInputStream().readNBytes(limits.maxFieldBytes() + 1);
        if (value.length > limits.maxFieldBytes()) {
            throw new FormRefusal("Form field '" + name + "' is larger than " + limits.maxFieldBytes() + " bytes.");
        }
        return FormPart.field(name, item.getContentType(), new String(value, StandardCharsets.UTF_8), value.length);
    }

    /** The upload's file, to a temporary file, up to one byte past its limit (then the file is removed). */
    private FormPart keep(String name, String fileName, FileItemInput item) throws IOException {
        Path file = Files.createTempFile(tempDir, "part", ".bin");
        try {
            ContentDigests.Accumulator digests = new ContentDigests.Accumulator();
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = copy(item.getInputStream(), (bytes, length) -> {
                    out.write(bytes, 0, length);
                    digests.update(bytes, 0, length);
                });
            }
            if (size > limits.maxFileBytes()) {
                Files.delete(file);
                return new FormPart(name, fileName, item.getContentType(), null, null, size, null);
            }
            return new FormPart(name, fileName, item.getContentType(), null, file, size, digests.finish());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A file part the index does not keep (warehouse refuses it by its name): counted, up to past the limit. */
    private FormPart drop(String name, String fileName, FileItemInput item) throws IOException {
        long size = copy(item.getInputStream(), (bytes, length) -> {
        });
        return new FormPart(name, fileName, item.getContentType(), null, null, size, null);
    }

    private interface Chunks {
        void accept(byte[] bytes, int length) throws IOException;
    }

    /** Copies to the end of the part or until one byte past the file limit, whichever comes first. */
    private long copy(InputStream in, Chunks out) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long copied = 0;
        for (int n; copied <= limits.maxFileBytes() && (n = in.read(buffer)) >= 0; ) {
            int take = (int) Math.min(n, limits.maxFileBytes() + 1 - copied);
            out.accept(buffer, take);
            copied += take;
        }
        return copied;
    }

    /** The request as Commons FileUpload reads it; part headers are UTF-8, as browsers and twine send them. */
    private record Body(String contentType, long contentLength, InputStream in) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return contentLength;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** Commons FileUpload's parser over a {@link Body}; the index uses its streaming iterator only. */
    private static final class Parser extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return super.getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) throws FileUploadException {
            return super.parseParameterMap((RequestContext) body);
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) throws FileUploadException {
            return super.parseRequest((RequestContext) body);
        }
    }
}
