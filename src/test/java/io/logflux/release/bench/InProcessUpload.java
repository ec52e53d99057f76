package io.logflux.release.bench;

import io.logflux.release.publish.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublishOptions;
import io.logflux.release.publish.Publisher;
import io.logflux.release.publish.Sleeper;

import java.nio.file.Path;
import java.util.List;

/**
 * For bench/upload-inprocess.sh: publishes each given wheel in turn from one JVM, the way Jenkins runs the engine (warm,
 * no start-up per file), and prints one line per file: "&lt;file&gt; &lt;seconds&gt; &lt;seconds before the upload starts (check, digests, probe,
 * listing)&gt; &lt;seconds of the upload until the index accepted it&gt;". The first file is a warm-up.
 * Usage: InProcessUpload UPLOAD_URL FILE...   (token in BENCH_INDEX_TOKEN)
 */
public final class InProcessUpload {
    private InProcessUpload() {
    }

    public static void main(String[] args) {
        PackageIndex index = PackageIndex.resolve(args[0], null, null);
        IndexCredentials token = IndexCredentials.token(System.getenv("BENCH_INDEX_TOKEN"), "BENCH_INDEX_TOKEN");
        for (int i = 1; i < args.length; i++) {
            long start = System.nanoTime();
            long[] uploadStarted = {0};
            new Publisher(index, token, HttpSettings.defaults(), PublishOptions.defaults()
                    .withCheck(PublishOptions.defaults().check().withMaxFileBytes(4L << 30), false), Sleeper.REAL,
                    line -> {
                        if (line.startsWith("Uploading ") && uploadStarted[0] == 0) {
                            uploadStarted[0] = System.nanoTime();
                        }
                    }).publish(List.of(Path.of(args[i])));
            long end = System.nanoTime();
            System.out.printf("%s %.3f %.3f %.3f%n", Path.of(args[i]).getFileName(), (end - start) / 1e9,
                    (uploadStarted[0] - start) / 1e9, (end - uploadStarted[0]) / 1e9);
        }
    }
}
