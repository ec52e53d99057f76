package io.logflux.release.publish;

import io.logflux.release.check.CheckOptions;

import java.time.Duration;

/**
 * @param strictCheck      warnings from {@code check} also stop the upload
 * @param probeToken       POST an empty form first so a bad token fails before any byte of a file is sent
 * @param progressInterval the most often a progress line is printed for one upload
 * @param parallelUploads  how many files (after the first) may be uploaded at once; 1 uploads one at a time
 */
public record PublishOptions(CheckOptions check, boolean strictCheck, boolean probeToken, Duration progressInterval,
                             int parallelUploads) {
    public static final int DEFAULT_PARALLEL_UPLOADS = 3;

    public static PublishOptions defaults() {
        return new PublishOptions(CheckOptions.defaults(), false, true, Duration.ofSeconds(5), DEFAULT_PARALLEL_UPLOADS);
    }

    public PublishOptions withCheck(CheckOptions check, boolean strict) {
        return new PublishOptions(check, strict, probeToken, progressInterval, parallelUploads);
    }

    public PublishOptions withProbeToken(boolean probe) {
        return new PublishOptions(check, strictCheck, probe, progressInterval, parallelUploads);
    }

    public PublishOptions withProgressInterval(Duration interval) {
        return new PublishOptions(check, strictCheck, probeToken, interval, parallelUploads);
    }

    public PublishOptions withParallelUploads(int parallel) {
        return new PublishOptions(check, strictCheck, probeToken, progressInterval, parallel);
    }
}
