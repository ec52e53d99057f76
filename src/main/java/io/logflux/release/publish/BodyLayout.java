package io.logflux.release.publish;

/**
 * How an upload's multipart body is laid out, chosen by what the token probe showed of the index ({@link TokenProbe}).
 * Where the index has shown that it refuses a form without some field, that field goes after the file, held back by
 * the {@link UploadGate} until the check passed, the sha256 is known and the file is unchanged: the file streams while
 * the check and the digest run, and a body cut off before its end lacks the field, so the index stores nothing even
 * where its server hands a cut-off body to the application.
 */
enum BodyLayout {
    /**
     * twine's order, for an index that showed nothing: every field with the sha256, then the file. The check and the
     * digest come before the first byte: such an index may keep a body cut off anywhere.
     */
    CHECK_FIRST,
    /**
     * The index refuses a form without a digest (warehouse: "Include at least one message digest.", forms.py): the
     * sha256 field goes after the file.
     */
    DIGEST_LAST,
    /**
     * The index refuses a form without its action (pypiserver: "Missing ':action' field!", _app.py L204-L208, before
     * it looks at the file): {@code :action} and the sha256 field go after the file.
     */
    ACTION_LAST;

    /** The file's bytes may go out before the check has passed: the body's end waits for it. */
    boolean streamsWhileChecking() {
        return this != CHECK_FIRST;
    }

    /** {@code :action} goes after the file, with the sha256. */
    boolean actionLast() {
        return this == ACTION_LAST;
    }
}
