package io.logflux.release.yank;

import io.logflux.release.ReleaseException;

import java.util.Locale;

/** What a yank does to the GitHub release: delete it, mark it as yanked, or leave it. */
public enum GitHubYankMode {
    DELETE, MARK, NONE;

    public static GitHubYankMode parse(String text) {
        return switch (text == null ? "none" : text.strip().toLowerCase(Locale.ROOT)) {
            case "delete" -> DELETE;
            case "mark" -> MARK;
            case "none", "" -> NONE;
            default -> throw new ReleaseException("Unknown GitHub yank mode '" + text + "': use delete, mark or none.");
        };
    }
}
