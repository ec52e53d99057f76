package io.logflux.release.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile sdists of issue #15, crafted header by header. {@code backed} files carry the data their headers
 * declare (the 2.5 GB long name really is 2.5 GB of zeros, a few MB compressed), as the files did — for the
 * benchmark; unbacked ones declare it and stop, which is cheap and refused just the same (a bounded reader refuses at
 * the header, and a size larger than the data is a truncated archive anyway). Each file is {@code hostile-1.0.tar.gz}
 * in a directory named after its case. {@code main(dir, [backed])} writes them all and prints one path a line.
 */
public final class HostileSdists {
    public static final String FILE = "hostile-1.0.tar.gz";
    public static final String TOP = "hostile-1.0/";
    static final String PKG_INFO = "Metadata-Version: 2.1\nName: hostile\nVersion: 1.0\nSummary: x\n";

    private HostileSdists() {
    }

    public static void main(String[] args) {
        boolean backed = args.length > 1 && args[1].equals("backed");
        all(Path.of(args[0]), backed).values().forEach(System.out::println);
    }

    /** Every case that must end in a finding, by name. */
    public static Map<String, Path> all(Path dir, boolean backed) {
        Map<String, Path> cases = new LinkedHashMap<>();
        cases.put("long-name-2.5GB", longName(dir, 2_684_354_560L, backed));
        cases.put("long-names-1MiB-each", manyBigLongNames(dir, backed));
        cases.put("long-names-under-the-cap", manyLongNames(dir));
        cases.put("deep-sparse-map", deepSparseMap(dir));
        cases.put("pax-sparse-1.0-deep-map", paxSparseDeepMap(dir));
        cases.put("pax-header-1.9GB", hugePax(dir, 2_040_109_465L, backed));
        cases.put("name-1GiB", longName(dir, 1L << 30, backed));
        cases.put("symlink-then-hardlink", symlinkThenHardlink(dir));
        cases.put("symlink-then-file", symlinkThenFile(dir));
        cases.put("zip-and-tar", polyglot(dir));
        return cases;
    }

    private static Path file(Path dir, String name) {
        try {
            return Files.createDirectories(dir.resolve(name)).resolve(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GNU long name record declaring {@code size} bytes. */
    public static Path longName(Path dir, long size, boolean backed) {
        Path file = file(dir, "long-name-" + size);
        HostileTar tar = HostileTar.create(file).header("././@LongLink", 'L', size);
        if (backed) {
            tar.zeros(size + (HostileTar.BLOCK - size % HostileTar.BLOCK) % HostileTar.BLOCK)
                    .file(TOP + "PKG-INFO", PKG_INFO).close();
        } else {
            tar.zeros(1 << 16).cutOff();
        }
        return file;
    }

    /** Member after member with a 1 MiB long name each. */
    public static Path manyBigLongNames(Path dir, boolean backed) {
        Path file = file(dir, "long-names-1MiB");
        try (HostileTar tar = HostileTar.create(file)) {
            String name = TOP + "n".repeat((1 << 20) - TOP.length() - 8);
            for (int i = 0; i < (backed ? 4000 : 4); i++) {
                tar.longName(name + String.format("%08d", i)).file("x", "");
            }
        }
        return file;
    }

    /** 10,000 members whose long names are each under the 4096-byte cap: 40 MB of names, more than a reader keeps. */
    public static Path manyLongNames(Path dir) {
        Path file = file(dir, "long-names-under-cap");
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO);
            String name = TOP + "d".repeat(3980);
            for (int i = 0; i < 10_000; i++) {
                tar.longName(name + String.format("%08d", i)).file("x", "");
            }
        }
        return file;
    }

    /** An old GNU sparse member whose map continues over 100,000 extension headers. */
    public static Path deepSparseMap(Path dir) {
        Path file = file(dir, "deep-sparse-map");
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO).gnuSparseHeader(TOP + "data", 0, true);
            for (int i = 0; i < 100_000; i++) {
                tar.sparseExtension(i < 99_999);
            }
        }
        return file;
    }

    /** A pax 1.0 sparse member whose map (in its data) has 300,000 one-byte chunks. */
    public static Path paxSparseDeepMap(Path dir) {
        Path file = file(dir, "pax-sparse-map");
        StringBuilder map = new StringBuilder("300000\n");
        for (int i = 0; i < 300_000; i++) {
            map.append(2 * i).append("\n1\n");
        }
        byte[] data = map.toString().getBytes(StandardCharsets.US_ASCII);
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO)
                    .pax("GNU.sparse.major=1", "GNU.sparse.minor=0", "GNU.sparse.name=" + TOP + "data",
                            "GNU.sparse.realsize=600000")
                    .header(TOP + "GNUSparseFile.0/data", '0', data.length).data(data);
        }
        return file;
    }

    /** A pax header declaring {@code size} bytes; backed, one comment record fills it. */
    public static Path hugePax(Path dir, long size, boolean backed) {
        Path file = file(dir, "pax-header-" + size);
        HostileTar tar = HostileTar.create(file).header("././@PaxHeader", 'x', size);
        if (backed) {
            // one record filling the header: its value is zeros, then the newline
            String prefix = size + " comment=";
            tar.raw(prefix.getBytes(StandardCharsets.US_ASCII)).zeros(size - prefix.length() - 1)
                    .raw(new byte[] {'\n'}).zeros((HostileTar.BLOCK - size % HostileTar.BLOCK) % HostileTar.BLOCK)
                    .file(TOP + "PKG-INFO", PKG_INFO).close();
        } else {
            tar.zeros(1 << 16).cutOff();
        }
        return file;
    }

    /** A symlink to a directory that stays inside, then a hard link through it that climbs out. */
    public static Path symlinkThenHardlink(Path dir) {
        Path file = file(dir, "symlink-then-hardlink");
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO)
                    .header(TOP + "up", '2', 0, "..")
                    .header(TOP + "passwd", '1', 0, TOP + "up/../etc/passwd");
        }
        return file;
    }

    /** Two links that each stay inside as written, and a file written through them to outside the tree. */
    public static Path symlinkThenFile(Path dir) {
        Path file = file(dir, "symlink-then-file");
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO)
                    .header(TOP + "up", '2', 0, "..")
                    .header(TOP + "out", '2', 0, "up/..")
                    .file(TOP + "out/evil.pth", "import os\n");
        }
        return file;
    }

    /** A good sdist with a zip appended: a zip (its end record is last) and a tar at once. */
    public static Path polyglot(Path dir) {
        Path file = file(dir, "zip-and-tar");
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hostile/__init__.py"));
            zip.write("print('from the zip')\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
