package io.logflux.release.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What scanning a built file's archive produced.
 *
 * @param metadata     the core metadata text (METADATA or PKG-INFO), when found and readable
 * @param metadataPath the member it was read from
 * @param files        every member PyPI's lookups find by name: a wheel's members that are not directories, an
 *                     sdist's members as Python's tarfile names them (directories without their trailing '/')
 * @param licenseRoot  where License-File paths are resolved, as PyPI resolves them:
 *                     {@code {name}-{version}.dist-info/licenses/} of the file name in a wheel, the members' common
 *                     directory in an sdist
 * @param findings     what is wrong with the archive itself
 */
record ScannedArchive(Optional<String> metadata, String metadataPath, Set<String> files, String licenseRoot,
                      List<Finding> findings) {
}
