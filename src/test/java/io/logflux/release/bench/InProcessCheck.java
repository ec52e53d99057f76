package io.logflux.release.bench;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.DistributionChecker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * For bench/check.sh: checks the given files ROUNDS times from one JVM, the way Jenkins runs the engine (warm, no
 * start-up), and prints one line per round: "&lt;round&gt; &lt;seconds&gt;". The first rounds are a warm-up.
 * Usage: InProcessCheck ROUNDS FILE...
 */
public final class InProcessCheck {
    private InProcessCheck() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        List<Path> files = Arrays.stream(args, 1, args.length).map(Path::of).toList();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            int checked = new DistributionChecker(CheckOptions.defaults()).check(files).files().size();
            if (checked != files.size()) {
                throw new IllegalStateException("checked " + checked + " of " + files.size() + " files");
            }
            System.out.printf("%d %.4f%n", round, (System.nanoTime() - start) / 1e9);
        }
    }
}
