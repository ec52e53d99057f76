package io.logflux.release.rehearsal;

import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's sha256, BLAKE2b-256 (Bouncy Castle's) and MD5 against Python's hashlib, around BLAKE2b's 128-byte block. */
class ContentDigestsTest {
    @TempDir
    Path dir;

    @Test
    void matchesPythonsHashlibOnEveryBlockBoundary() throws Exception {
        int[] sizes = {0, 1, 3, 63, 64, 127, 128, 129, 255, 256, 257, 1000, 65_535, 65_536, 65_537, 300_001};
        Random random = new Random(42);
        List<String> paths = new ArrayList<>();
        for (int size : sizes) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = dir.resolve("f" + size);
            Files.write(file, bytes);
            paths.add(file.toString());
        }
        String script = "import hashlib,sys\n"
                + "for p in sys.argv[1:]:\n"
                + "    d=open(p,'rb').read()\n"
                + "    print(hashlib.sha256(d).hexdigest(), hashlib.blake2b(d, digest_size=32).hexdigest(),"
                + " hashlib.md5(d).hexdigest(), len(d))\n";
        List<String> args = new ArrayList<>(List.of("-c", script));
        args.addAll(paths);
        List<String> expected = DebianPython.runOk(dir, args.toArray(String[]::new)).strip().lines().toList();

        List<String> ours = new ArrayList<>();
        for (String p : paths) {
            ContentDigests d = ContentDigests.of(Path.of(p));
            ours.add(d.sha256() + " " + d.blake2b256() + " " + d.md5() + " " + d.size());
        }

        assertThat(ours).containsExactlyElementsOf(expected);
    }

    @Test
    void feedingInOddChunksGivesTheSameDigestsAsOneCall() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        ContentDigests.Accumulator whole = new ContentDigests.Accumulator();
        whole.update(data, 0, data.length);
        ContentDigests.Accumulator pieces = new ContentDigests.Accumulator();
        int position = 0;
        for (int step : new int[] {1, 127, 128, 129, 500, 3}) {
            pieces.update(data, position, step);
            position += step;
        }
        pieces.update(data, position, data.length - position);

        assertThat(pieces.finish()).isEqualTo(whole.finish());
    }
}
