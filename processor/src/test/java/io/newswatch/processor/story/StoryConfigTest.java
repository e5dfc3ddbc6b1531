package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoryConfigTest {

    @Test
    void shouldDefaultToASeventyTwoHourWindowAndRetainItPlusGrace() {
        StoryConfig s = StoryConfig.defaults();

        assertThat(s.window()).isEqualTo(Duration.ofHours(72));
        assertThat(s.retention()).isEqualTo(Duration.ofHours(84));
        assertThat(s.nearDuplicateThreshold()).isEqualTo(0.7);
        assertThat(s.storyThreshold()).isEqualTo(StoryConfig.DEFAULT_STORY_THRESHOLD);
        assertThat(s.withWindow(Duration.ofHours(24)).retention()).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void shouldNameTheBadArgument() {
        StoryConfig d = StoryConfig.defaults();
        assertThatThrownBy(() -> d.withWindow(Duration.ZERO)).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> d.withStoryThreshold(1.5)).hasMessageContaining("storyThreshold must be in (0, 1]");
        assertThatThrownBy(() -> new StoryConfig(d.window(), Duration.ofHours(-1), 0.7, 0.6, 2, 0.3, 0.3, 1, 0.6, 64, 64, 32))
                .hasMessageContaining("grace must be >= 0");
        assertThatThrownBy(() -> new StoryConfig(d.window(), d.grace(), 0.7, 0.6, 2, 0.3, 0.3, 1, 1.2, 64, 64, 32))
                .hasMessageContaining("entityWeight");
        assertThatThrownBy(() -> new StoryConfig(d.window(), d.grace(), 0.7, 0.6, 2, 0.3, 0.3, 1, 0.6, 64, 0, 32))
                .hasMessageContaining("postingCap must be >= 1");
    }

    @Test
    void shouldRejectAnAssignmentWhoseDuplicateFieldDoesNotFitItsKind() {
        assertThatThrownBy(() -> new Assignment(Assignment.Kind.NEAR_DUPLICATE, "s", null)).hasMessageContaining("needs duplicateOf");
        assertThatThrownBy(() -> new Assignment(Assignment.Kind.STORY_UPDATE, "s", "x")).hasMessageContaining("takes no duplicateOf");
    }
}
