package io.logflux.release.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What scanning a built file's archive produced.
 *
 * @param metadata     the core metadata text (METADATA or PKG-INFO), when found and readable
 * @param metadataPath the member it was read from
 * @param files        every regular file member, by name
 * @param licenseRoot  where License-File paths are resolved: {@code {name}-{version}.dist-info/licenses/} in a
 *                     wheel, {@code {name}-{version}/} in an sdist
 * @param findings     what is wrong with the archive itself
 */
record ScannedArchive(Optional<String> metadata, String metadataPath, Set<String> files, String licenseRoot,
                      List<Finding> findings) {
}
