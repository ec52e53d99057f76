package io.logflux.release.pipeline;

import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;

/** Where a publishing phase uploads, and with which token (the credentials print only where the token came from). */
public record ReleaseTarget(PackageIndex index, IndexCredentials credentials) {
    @Override
    public String toString() {
        return index.describe() + " with the token from " + credentials.source();
    }
}
