package io.logflux.release.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Makes broken variants of good built files for tests: reads every member of a wheel or sdist into memory (test
 * files are small), lets a test change, add or drop members, and writes a new file — for wheels with a RECORD that
 * matches the new contents unless told to keep the old one.
 */
public final class ArchiveEditor {
    private final Map<String, byte[]> members = new LinkedHashMap<>();
    private boolean keepRecord;

    private ArchiveEditor() {
    }

    public static ArchiveEditor ofWheel(Path wheel) {
        ArchiveEditor editor = new ArchiveEditor();
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    editor.members.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return editor;
    }

    public static ArchiveEditor ofSdist(Path sdist) {
        ArchiveEditor editor = new ArchiveEditor();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                Files.newInputStream(sdist)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    editor.members.put(entry.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return editor;
    }

    /** A wheel of the same file name as {@code wheel} with other bytes (one module more), written under {@code dir}. */
    public static Path sameNameOtherBytes(Path wheel, Path dir) {
        try {
            Path other = Files.createDirectories(dir.resolve("other")).resolve(wheel.getFileName());
            return ofWheel(wheel).put("logflux/extra.py", "X = 1\n").writeWheel(other);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ArchiveEditor put(String member, String content) {
        members.put(member, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public ArchiveEditor put(String member, byte[] content) {
        members.put(member, content.clone());
        return this;
    }

    public ArchiveEditor remove(String member) {
        if (members.remove(member) == null) {
            throw new IllegalArgumentException("no member " + member + " in " + members.keySet());
        }
        return this;
    }

    /** Rewrites the one member whose name ends with {@code suffix}. */
    public ArchiveEditor edit(String suffix, UnaryOperator<String> change) {
        String member = members.keySet().stream().filter(m -> m.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member ending in " + suffix));
        String before = new String(members.get(member), StandardCharsets.UTF_8);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit did not change " + member);
        }
        members.put(member, after.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Renames every member that starts with {@code from} to start with {@code to}. */
    public ArchiveEditor renamePrefix(String from, String to) {
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        members.forEach((name, bytes) -> renamed.put(name.startsWith(from) ? to + name.substring(from.length()) : name,
                bytes));
        members.clear();
        members.putAll(renamed);
        return this;
    }

    /** Writes the wheel without recomputing RECORD, as if the wheel was changed after it was built. */
    public ArchiveEditor keepingRecord() {
        keepRecord = true;
        return this;
    }

    public Path writeWheel(Path target) {
        if (!keepRecord) {
            rewriteRecord();
        }
        // written to the path, not a stream, so that sizes go in the local headers (no data descriptors)
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes a wheel with one extra member that is a symbolic link. */
    public Path writeWheelWithSymlink(Path target, String link, String linkTarget) {
        writeWheel(target);
        Path withLink = target.resolveSibling(target.getFileName() + ".tmp");
        try (org.apache.commons.compress.archivers.zip.ZipFile source =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(target).get();
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(withLink)) {
            for (ZipArchiveEntry entry : java.util.Collections.list(source.getEntries())) {
                zip.addRawArchiveEntry(entry, source.getRawInputStream(entry));
            }
            ZipArchiveEntry symlink = new ZipArchiveEntry(link);
            symlink.setUnixMode(0120777);
            zip.putArchiveEntry(symlink);
            zip.write(linkTarget.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(withLink, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public Path writeSdist(Path target) {
        return writeSdist(target, tar -> { });
    }

    /** Writes the sdist; {@code extra} may append special members (links, devices) to the tar. */
    public Path writeSdist(Path target, TarExtra extra) {
        try (OutputStream out = Files.newOutputStream(target);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(member.getKey(), true);
                entry.setSize(member.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(member.getValue());
                tar.closeArchiveEntry();
            }
            extra.add(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @FunctionalInterface
    public interface TarExtra {
        void add(TarArchiveOutputStream tar) throws IOException;
    }

    private void rewriteRecord() {
        String record = members.keySet().stream().filter(m -> m.endsWith(".dist-info/RECORD")).findFirst()
                .orElse(null);
        if (record == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            if (member.getKey().equals(record)) {
                continue;
            }
            lines.append(member.getKey()).append(",sha256=").append(sha256(member.getValue())).append(',')
                    .append(member.getValue().length).append('\n');
        }
        lines.append(record).append(",,\n");
        members.put(record, lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
