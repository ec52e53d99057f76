package io.logflux.release.dist;

import io.logflux.release.files.FileName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the core metadata embedded in a built file: {@code {name}-{version}.dist-info/METADATA} of a wheel,
 * {@code {name}-{version}/PKG-INFO} of an sdist. Memory and time are bounded by {@link ArchiveLimits}.
 */
public final class DistMetadataReader {
    private final ArchiveLimits limits;

    public DistMetadataReader() {
        this(ArchiveLimits.defaults());
    }

    public DistMetadataReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    public CoreMetadata read(Path file) {
        String fileName = FileName.of(file);
        DistFilename name = DistFilename.parse(fileName);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDistributionException("Built file " + file + " does not exist. Build the package "
                    + "first (python -m build), or fix the path.");
        }
        if (name instanceof WheelFilename) {
            return readZip(file, fileName, "wheel", true);
        }
        return ((SdistFilename) name).extension().equals(".zip")
                ? readZip(file, fileName, "sdist (zip)", false)
                : readTarGz(file, fileName);
    }

    private CoreMetadata readZip(Path file, String fileName, String kind, boolean wheel) {
        try (ZipLayout zip = ZipLayout.open(file, kind, limits)) {
            TreeSet<String> topDirectories = new TreeSet<>();
            List<ZipMember> candidates = new ArrayList<>();
            for (ZipMember entry : zip.members()) {
                String entryName = entry.name();
                String[] segments = entryName.split("/", -1);
                if (wheel && segments.length > 1 && segments[0].endsWith(".dist-info")) {
                    topDirectories.add(segments[0]);
                }
                boolean metadata = wheel
                        ? segments.length == 2 && segments[0].endsWith(".dist-info") && segments[1].equals("METADATA")
                        : segments.length == 2 && segments[1].equals("PKG-INFO");
                if (metadata && ArchivePaths.isSafe(entryName)) {
                    candidates.add(entry);
                }
            }
            String wanted = wheel ? "{name}-{version}.dist-info/METADATA" : "{name}-{version}/PKG-INFO";
            if (wheel && topDirectories.size() > 1) {
                throw new InvalidDistributionException("'" + fileName + "' holds more than one .dist-info directory ("
                        + String.join(", ", topDirectories) + "); a wheel has exactly one. Rebuild it from a clean "
                        + "build directory (rm -rf build dist && python -m build).");
            }
            if (candidates.size() != 1) {
                throw new InvalidDistributionException("'" + fileName + "' " + (candidates.isEmpty()
                        ? "has no " + wanted : "has more than one " + wanted) + ", so it is not a valid " + kind
                        + ". Rebuild it with python -m build.");
            }
            ZipMember entry = candidates.get(0);
            if (entry.size() > limits.maxMetadataBytes()) {
                throw tooLarge(fileName, entry.name(), entry.size());
            }
            try (InputStream in = zip.read(entry)) {
                return parse(fileName, entry.name(), readCapped(in, fileName, entry.name()));
            }
        } catch (IOException e) {
            throw new InvalidDistributionException("'" + fileName + "' is not a valid " + kind + " (zip): "
                    + e.getMessage() + ". Rebuild it with python -m build.", e);
        }
    }

    private CoreMetadata readTarGz(Path file, String fileName) {
        try (BoundedTarReader tar = BoundedTarReader.openTarGz(file, limits)) {
            int count = 0;
            Optional<TarMember> next;
            while ((next = tar.next()).isPresent()) {
                TarMember member = next.get();
                if (++count > limits.maxEntries()) {
                    throw new InvalidDistributionException("'" + fileName + "' has more than " + limits.maxEntries()
                            + " members before its PKG-INFO. Rebuild it with python -m build.");
                }
                String entryName = member.name().startsWith("./") ? member.name().substring(2) : member.name();
                String[] segments = entryName.split("/", -1);
                if (member.type() == TarMember.Type.FILE && segments.length == 2 && segments[1].equals("PKG-INFO")
                        && ArchivePaths.isSafe(entryName)) {
                    if (member.size() > limits.maxMetadataBytes()) {
                        throw tooLarge(fileName, entryName, member.size());
                    }
                    return parse(fileName, entryName, readCapped(tar.content(), fileName, entryName));
                }
            }
            throw new InvalidDistributionException("'" + fileName + "' has no {name}-{version}/PKG-INFO, so it is not "
                    + "a valid sdist. Rebuild it with python -m build.");
        } catch (TarLimitException e) {
            throw new InvalidDistributionException("'" + fileName + "' is refused before its PKG-INFO: "
                    + e.getMessage() + ". Rebuild it with python -m build.", e);
        } catch (IOException e) {
            throw new InvalidDistributionException("'" + fileName + "' is not a valid sdist (.tar.gz): "
                    + e.getMessage() + ". Rebuild it with python -m build.", e);
        }
    }

    private byte[] readCapped(InputStream in, String fileName, String entryName) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxMetadataBytes() + 1));
        if (bytes.length > limits.maxMetadataBytes()) {
            throw tooLarge(fileName, entryName, bytes.length);
        }
        return bytes;
    }

    private InvalidDistributionException tooLarge(String fileName, String entryName, long size) {
        return new InvalidDistributionException("'" + fileName + "': " + entryName + " is larger than the limit of "
                + limits.maxMetadataBytes() + " bytes (" + size + "+). Rebuild the file with python -m build; "
                + "metadata this large is not what a build backend writes.");
    }

    private static CoreMetadata parse(String fileName, String entryName, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDistributionException("'" + fileName + "': " + entryName + " is not valid UTF-8. "
                    + "Rebuild the file with python -m build.", e);
        }
        try {
            return CoreMetadata.parse(text);
        } catch (InvalidDistributionException e) {
            throw new InvalidDistributionException("'" + fileName + "': " + entryName + ": " + e.getMessage(), e);
        }
    }
}
