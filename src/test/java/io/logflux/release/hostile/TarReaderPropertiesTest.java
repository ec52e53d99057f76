package io.logflux.release.hostile;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.BoundedTarReader;
import io.logflux.release.dist.TarMember;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever bytes a tar holds, the bounded reader hands over members or says why it stopped (an IOException). */
class TarReaderPropertiesTest {
    private static final byte[] TAR = craftedTar();

    private static byte[] craftedTar() {
        try {
            Path dir = Files.createTempDirectory("tar");
            Path file = dir.resolve(HostileSdists.FILE);
            try (HostileTar tar = HostileTar.create(file)) {
                tar.file(HostileSdists.TOP + "PKG-INFO", HostileSdists.PKG_INFO).longName("a/" + "b".repeat(200))
                        .file("x", "y").pax("path=p/q", "size=2", "GNU.sparse.major=1").file("r", "zz")
                        .header("l", '2', 0, "../t").gnuSparseHeader("s", 0, true).sparseExtension(false);
            }
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 1000)
    void damagedTarsAreReadOrRefused(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1 << 20) Integer> at,
                                     @ForAll @Size(max = 12) List<Byte> values, @ForAll @IntRange(max = 6000) int cut) {
        byte[] bytes = TAR.clone();
        for (int i = 0; i < Math.min(at.size(), values.size()); i++) {
            bytes[at.get(i) % bytes.length] = values.get(i);
        }
        int length = Math.min(bytes.length, bytes.length - cut % bytes.length);
        try (BoundedTarReader reader = new BoundedTarReader(new ByteArrayInputStream(bytes, 0, length),
                new ArchiveLimits(1 << 20, 1000, 1 << 20))) {
            Optional<TarMember> member;
            while ((member = reader.next()).isPresent()) {
                assertThat(member.get().name().length()).isLessThanOrEqualTo(BoundedTarReader.MAX_NAME_BYTES);
                reader.content().readAllBytes();
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
