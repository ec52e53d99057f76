package io.logflux.release.jenkins;

/**
 * The Jenkins layer's user-facing texts. Hand-written: the localizer plugin that generates Messages classes in
 * Jenkins plugins cannot run in this project's build (docs/architecture.md).
 */
final class Messages {
    private Messages() {
    }

    static String verifyVersionDisplayName() {
        return "Verify that the package version matches the release tag";
    }

    static String noReleaseTag() {
        return "No release tag: this build is not a tag build (TAG_NAME is not set) and logfluxVerifyVersion got no "
                + "tag. Pass one: logfluxVerifyVersion tag: params.TAG in a parameterized build, or run the stage "
                + "only on tag builds (when { buildingTag() }) so that TAG_NAME is set.";
    }

    static String checkFailed(String firstError) {
        return "The built files failed validation: " + firstError + " (the report above lists every finding)";
    }

    static String versionMismatch(String headline) {
        return headline + " (the report above lists every place that states the version, and what to do)";
    }
}
