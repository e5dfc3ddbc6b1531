package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleCleanerTest {

    @Test
    void shouldDropSiteNameSuffixNamedByOgSiteName() {
        assertThat(TitleCleaner.clean("Cartels recruit drone pilots - El Observador del Pacífico",
                "El Observador del Pacífico", null, null)).isEqualTo("Cartels recruit drone pilots");
    }

    @Test
    void shouldDropSiteNamePrefixNamedByHost() {
        assertThat(TitleCleaner.clean("Kyiv Independent — Drone schools expand", null, "www.kyivindependent.example", null))
                .isEqualTo("Drone schools expand");
    }

    @Test
    void shouldDropShortPipeSuffixEvenWithoutSiteName() {
        assertThat(TitleCleaner.clean("Foreign volunteers flock to Ukraine's drone schools | Frontline", null, null, null))
                .isEqualTo("Foreign volunteers flock to Ukraine's drone schools");
    }

    @Test
    void shouldKeepDashesThatBelongToTheHeadline() {
        assertThat(TitleCleaner.clean("Ukraine - Russia talks stall over drones", "Daily Example", "daily.example", null))
                .isEqualTo("Ukraine - Russia talks stall over drones");
    }

    @Test
    void shouldPreferTheTitlePartThatIsThePageHeading() {
        assertThat(TitleCleaner.clean("Картели и дроны :: Заметки аналитика", null, null, "Картели и дроны"))
                .isEqualTo("Картели и дроны");
    }

    @Test
    void shouldCollapseWhitespaceAndBoundLength() {
        assertThat(TitleCleaner.clean("  Drone\n\tschool \u00a0opens ", null, null, null)).isEqualTo("Drone school opens");
        assertThat(TitleCleaner.clean("x".repeat(5_000), null, null, null)).hasSize(TitleCleaner.MAX_LENGTH);
    }
}
