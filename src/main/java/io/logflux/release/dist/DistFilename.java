package io.logflux.release.dist;

/** The name of a built file, split into its parts (PEP 427 wheels, PEP 625 sdists). */
public sealed interface DistFilename permits WheelFilename, SdistFilename {

    String fileName();

    String distributionName();

    /** The version as written in the file name (not validated here). */
    String versionText();

    static DistFilename parse(String fileName) {
        if (fileName.endsWith(".whl")) {
            return WheelFilename.parseWheel(fileName);
        }
        if (fileName.endsWith(".tar.gz") || fileName.endsWith(".zip")) {
            return SdistFilename.parseSdist(fileName);
        }
        throw notADistribution(fileName, "it ends neither in .whl nor in .tar.gz");
    }

    static InvalidDistributionException notADistribution(String fileName, String why) {
        return new InvalidDistributionException("'" + fileName + "' is not a wheel or sdist file name (" + why
                + "): expected {name}-{version}-{python}-{abi}-{platform}.whl or {name}-{version}.tar.gz. "
                + "Release only what python -m build wrote to dist/.");
    }
}
