package io.logflux.release.project;

/** Where a version was read from. */
public enum SourceKind {
    VERSION_FILE("version file"),
    PYPROJECT("pyproject.toml"),
    SETUP_CFG("setup.cfg"),
    DIST_FILENAME("file name"),
    DIST_METADATA("embedded metadata");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isBuiltFile() {
        return this == DIST_FILENAME || this == DIST_METADATA;
    }
}
