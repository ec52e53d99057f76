package io.logflux.release.pipeline;

import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;

/** Where a publishing phase uploads, and with which token (not a record: its toString would show the token). */
public final class ReleaseTarget {
    private final PackageIndex index;
    private final IndexCredentials credentials;

    public ReleaseTarget(PackageIndex index, IndexCredentials credentials) {
        this.index = index;
        this.credentials = credentials;
    }

    public PackageIndex index() {
        return index;
    }

    public IndexCredentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return index.describe() + " with the token from " + credentials.source();
    }
}
