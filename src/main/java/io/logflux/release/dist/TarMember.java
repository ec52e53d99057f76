package io.logflux.release.dist;

/**
 * One member of a tar archive as {@link BoundedTarReader} hands it over: GNU long names and pax records already
 * applied, so {@code name}, {@code linkName} and {@code size} are what an extractor would use.
 *
 * @param name     the member's path inside the archive, as written (at most {@link BoundedTarReader#MAX_NAME_BYTES})
 * @param linkName the target of a symbolic or hard link, empty otherwise
 * @param type     what the member is
 * @param size     the bytes of data stored for it in the archive
 */
public record TarMember(String name, String linkName, Type type, long size) {
    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, DEVICE, FIFO, SPARSE, OTHER }
}
