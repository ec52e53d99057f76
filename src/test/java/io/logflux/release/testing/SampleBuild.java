package io.logflux.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The bundled sample built once per test JVM by Debian's {@code python3 -m build}, for the many tests that only read
 * its wheel and sdist (publishing, waiting, installing). Tests that need a changed build make their own
 * {@link SampleProject}. Nobody may write to these files.
 */
public record SampleBuild(Path dir, Path wheel, Path sdist) {
    private static SampleBuild shared;

    public static synchronized SampleBuild shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("logflux-sample-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
                SampleProject sample = SampleProject.copyTo(root.resolve("sample"));
                sample.build();
                shared = new SampleBuild(sample.dir(), sample.wheel("0.2.0"), sample.sdist("0.2.0"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** {@code <dir>/dist/*}, as a user passes it. */
    public String distPattern() {
        return dir.resolve("dist") + "/*";
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
