package io.logflux.release.version;

/**
 * A release tag and the version it names. The release rule is: tag == package version, with or without a 'v'/'V'
 * prefix, compared as PEP 440 versions ({@code v1.0.0-beta} names {@code 1.0.0b0}).
 *
 * @param raw     the tag as given
 * @param version the version it names
 */
public record ReleaseTag(String raw, Pep440Version version) {
    private static final String REF_PREFIX = "refs/tags/";

    public static ReleaseTag parse(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new InvalidTagException(tag, "pass the tag of the release (on a tag build Jenkins sets TAG_NAME)");
        }
        String name = stripRef(tag.strip());
        if (name.isEmpty()) {
            throw new InvalidTagException(tag, "it names no tag after 'refs/tags/'");
        }
        try {
            return new ReleaseTag(tag.strip(), Pep440Version.parse(name));
        } catch (InvalidVersionException e) {
            throw new InvalidTagException(tag, e.problem());
        }
    }

    /** The tag name without a leading {@code refs/tags/}, as used with git. */
    public String withoutRefPrefix() {
        return stripRef(raw);
    }

    /**
     * Whether the package version is the one this tag names. PEP 440 equality, so {@code 1.0} matches a tag
     * {@code v1.0.0}: pip and PyPI treat them as the same release, so refusing would only block valid releases.
     */
    public boolean matches(Pep440Version packageVersion) {
        return version.equals(packageVersion);
    }

    private static String stripRef(String tag) {
        return tag.startsWith(REF_PREFIX) ? tag.substring(REF_PREFIX.length()) : tag;
    }
}
