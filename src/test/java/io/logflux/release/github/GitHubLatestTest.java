package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The make_latest value GitHubLatest gives for a release among the others (the listing's shape). */
class GitHubLatestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode release(String tag, boolean draft, boolean prerelease) {
        return JSON.createObjectNode().put("tag_name", tag).put("draft", draft).put("prerelease", prerelease);
    }

    private static final List<JsonNode> OUT = List.of(release("v2.0.0", false, false), release("v3.0.0rc1", false, true),
            release("v4.0.0", true, false), release("v1.9.0", false, false), release("nightly", false, false));

    @Test
    void autoMarksOnlyTheHighestFinalVersionIgnoringDraftsPrereleasesAndOtherTags() {
        assertThat(GitHubLatest.AUTO.makeLatest("v1.9.1", "1.9.1", OUT)).as("a backport").isEqualTo("false");
        assertThat(GitHubLatest.AUTO.makeLatest("v2.0.1", "2.0.1", OUT)).isEqualTo("true");
        assertThat(GitHubLatest.AUTO.makeLatest("v2.0.0", "2.0.0", OUT)).as("its own release").isEqualTo("true");
        assertThat(GitHubLatest.AUTO.makeLatest("v2.1.0", "2.1.0", List.of())).isEqualTo("true");
    }

    @Test
    void theUsersChoiceWinsExceptThatAPrereleaseIsNeverLatest() {
        assertThat(GitHubLatest.TRUE.makeLatest("v1.9.1", "1.9.1", OUT)).isEqualTo("true");
        assertThat(GitHubLatest.FALSE.makeLatest("v2.0.1", "2.0.1", OUT)).isEqualTo("false");
        assertThat(GitHubLatest.TRUE.makeLatest("v2.1.0rc1", "2.1.0rc1", OUT)).isEqualTo("false");
        assertThat(GitHubLatest.AUTO.makeLatest("v2.1.0.dev1", "2.1.0.dev1", OUT)).isEqualTo("false");
    }

    @Test
    void parsesTrueFalseAutoAndDefaultsToAuto() {
        assertThat(GitHubLatest.parse(null)).isEqualTo(GitHubLatest.AUTO);
        assertThat(GitHubLatest.parse(" ")).isEqualTo(GitHubLatest.AUTO);
        assertThat(GitHubLatest.parse("True")).isEqualTo(GitHubLatest.TRUE);
        assertThat(GitHubLatest.parse("false")).isEqualTo(GitHubLatest.FALSE);
        assertThatThrownBy(() -> GitHubLatest.parse("legacy")).isInstanceOf(ReleaseException.class)
                .hasMessage("latest must be true, false or auto, not 'legacy'.");
    }
}
