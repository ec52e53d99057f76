package io.logflux.release.bench;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublishOptions;
import io.logflux.release.publish.Publisher;
import io.logflux.release.http.Sleeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * For bench/upload-inprocess.sh: publishes each given wheel in turn from one JVM, the way Jenkins runs the engine (warm,
 * no start-up per file), and prints one line per file: "&lt;file&gt; &lt;seconds&gt; &lt;seconds before the upload starts (check, digests, probe,
 * listing)&gt; &lt;seconds of the upload until the index accepted it&gt;". The first file is a warm-up.
 * Usage: InProcessUpload UPLOAD_URL FILE...   or   InProcessUpload UPLOAD_URL   (files then come one per line on
 * standard input, and each answer line is printed as soon as that file is published). Token in BENCH_INDEX_TOKEN.
 */
public final class InProcessUpload {
    private InProcessUpload() {
    }

    public static void main(String[] args) throws IOException {
        PackageIndex index = PackageIndex.resolve(args[0], null, null);
        IndexCredentials token = IndexCredentials.token(System.getenv("BENCH_INDEX_TOKEN"), "BENCH_INDEX_TOKEN");
        if (args.length > 1) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(publish(index, token, Path.of(args[i])));
            }
            return;
        }
        // One file per line on standard input, one answer line each: the script can alternate with twine.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            System.out.println(publish(index, token, Path.of(line.strip())));
            System.out.flush();
        }
    }

    private static String publish(PackageIndex index, IndexCredentials token, Path file) {
        long start = System.nanoTime();
        long[] uploadStarted = {0};
        new Publisher(index, token, HttpSettings.defaults(), PublishOptions.defaults()
                .withCheck(PublishOptions.defaults().check().withMaxFileBytes(4L << 30), false), Sleeper.REAL,
                line -> {
                    if (line.startsWith("Uploading ") && uploadStarted[0] == 0) {
                        uploadStarted[0] = System.nanoTime();
                    }
                }).publish(List.of(file));
        long end = System.nanoTime();
        return String.format("%s %.3f %.3f %.3f", file.getFileName(), (end - start) / 1e9,
                (uploadStarted[0] - start) / 1e9, (end - uploadStarted[0]) / 1e9);
    }
}
