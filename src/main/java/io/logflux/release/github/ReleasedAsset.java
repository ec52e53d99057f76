package io.logflux.release.github;

/** One file on the release: what this run did with it, and where it is downloaded from. */
public record ReleasedAsset(String name, String sha256, Outcome outcome, String url) {
    public enum Outcome {
        /** This run uploaded it. */
        UPLOADED,
        /** The release already had exactly these bytes: skipped. */
        ALREADY_PRESENT,
        /** The release had other bytes under this name, and replacing was asked for. */
        REPLACED
    }
}
