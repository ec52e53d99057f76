package io.logflux.release.dist;

/** {@code {name}-{version}.tar.gz} (PEP 625), split at the last '-'; legacy {@code .zip} sdists are recognised too. */
public record SdistFilename(String fileName, String distributionName, String versionText, String extension)
        implements DistFilename {

    static SdistFilename parseSdist(String fileName) {
        String extension = fileName.endsWith(".tar.gz") ? ".tar.gz" : ".zip";
        String stem = fileName.substring(0, fileName.length() - extension.length());
        int dash = stem.lastIndexOf('-');
        if (dash <= 0 || dash == stem.length() - 1) {
            throw DistFilename.notADistribution(fileName, "no '-' between name and version");
        }
        return new SdistFilename(fileName, stem.substring(0, dash), stem.substring(dash + 1), extension);
    }
}
