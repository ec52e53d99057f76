package io.logflux.release.jenkins;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseTagChoiceTest {
    @Test
    void theStepsTagWinsOverTagName() {
        assertThat(ReleaseTagChoice.choose(" v1.0 ", "v2.0")).contains("v1.0");
    }

    @Test
    void tagNameIsTheDefault() {
        assertThat(ReleaseTagChoice.choose(null, "v2.0")).contains("v2.0");
        assertThat(ReleaseTagChoice.choose("  ", "v2.0")).contains("v2.0");
    }

    @Test
    void noTagAtAllIsEmptyAndTheMessageSaysHowToPassOne() {
        assertThat(ReleaseTagChoice.choose(null, "")).isEmpty();
        assertThat(Messages.noReleaseTag()).contains("tag: params.TAG").contains("when { buildingTag() }")
                .contains("env.TAG_NAME");
    }
}
