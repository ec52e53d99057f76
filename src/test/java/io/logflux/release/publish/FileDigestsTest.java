package io.logflux.release.publish;

import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our streaming sha256 and size against Python's hashlib, on sizes around the 64 KiB read chunk. */
class FileDigestsTest {
    @TempDir
    Path dir;

    @Test
    void matchesPythonsHashlib() throws Exception {
        int[] sizes = {0, 1, 63, 64, 65, 1000, 65_535, 65_536, 65_537, 300_001};
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
                + "    print(hashlib.sha256(d).hexdigest(), len(d))\n";
        List<String> args = new ArrayList<>(List.of("-c", script));
        args.addAll(paths);
        List<String> expected = DebianPython.runOk(dir, args.toArray(String[]::new)).strip().lines().toList();

        List<String> ours = paths.stream().map(p -> FileDigests.of(Path.of(p)))
                .map(d -> d.sha256() + " " + d.size()).toList();

        assertThat(ours).containsExactlyElementsOf(expected);
    }
}
