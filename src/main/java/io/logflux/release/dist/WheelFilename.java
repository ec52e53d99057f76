package io.logflux.release.dist;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}; tag sets may be compressed with '.'. */
public record WheelFilename(String fileName, String distributionName, String versionText, Optional<String> buildTag,
                            List<String> pythonTags, List<String> abiTags, List<String> platformTags)
        implements DistFilename {

    private static final Pattern NAME = Pattern.compile("[\\w.]+", Pattern.UNICODE_CHARACTER_CLASS);

    static WheelFilename parseWheel(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".whl".length());
        String[] parts = stem.split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            throw DistFilename.notADistribution(fileName, "a wheel name has 5 or 6 parts separated by '-', this has "
                    + parts.length);
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw DistFilename.notADistribution(fileName, "it has an empty part");
            }
        }
        String name = parts[0];
        if (name.contains("__") || !NAME.matcher(name).matches()) {
            throw DistFilename.notADistribution(fileName, "the name part '" + name + "' may hold only letters, "
                    + "digits, '_' and '.', with no '__'");
        }
        Optional<String> build = Optional.empty();
        if (parts.length == 6) {
            if (!Character.isDigit(parts[2].charAt(0))) {
                throw DistFilename.notADistribution(fileName, "the build tag '" + parts[2]
                        + "' must start with a digit");
            }
            build = Optional.of(parts[2]);
        }
        int tags = parts.length - 3;
        return new WheelFilename(fileName, name, parts[1], build, split(parts[tags]), split(parts[tags + 1]),
                split(parts[tags + 2]));
    }

    private static List<String> split(String tagSet) {
        return List.of(tagSet.split("\\."));
    }
}
