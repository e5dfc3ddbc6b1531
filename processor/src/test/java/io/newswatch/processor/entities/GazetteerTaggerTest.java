package io.newswatch.processor.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.EntityMention;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTaggerTest {
    private static final GazetteerTagger SMALL = new GazetteerTagger(load("small-gazetteer.yaml"));
    private static final GazetteerTagger DEFAULT = new GazetteerTagger(Gazetteer.loadDefault());

    private static Gazetteer load(String name) {
        try {
            return Gazetteer.load(Path.of(GazetteerTaggerTest.class.getResource("/entities/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(GazetteerTagger tagger, String text) {
        return tagger.find(text).stream().map(o -> o.entity().id()).toList();
    }

    @Test
    void shouldReturnOffsetsInTheOriginalString() {
        String text = "Officials in KIEV said the Cártel de Sinaloa bought drones.";
        List<EntityOccurrence> found = SMALL.find(text);

        assertThat(found).extracting(o -> o.entity().id()).containsExactly("kyiv", "sinaloa-cartel");
        assertThat(found.get(0).matchedIn(text)).isEqualTo("KIEV");
        assertThat(found.get(1).matchedIn(text)).isEqualTo("Cártel de Sinaloa");
        assertThat(found.get(1).start()).isEqualTo(text.indexOf("Cártel"));
    }

    @Test
    void shouldPreferTheLongestNameSoTheCartelIsNotTheState() {
        assertThat(ids(SMALL, "Violence in Sinaloa as the Sinaloa Cartel splits")).containsExactly("sinaloa", "sinaloa-cartel");
    }

    @Test
    void shouldMatchAccentAndCaseInsensitivelyButOnlyOnWordBoundaries() {
        assertThat(ids(SMALL, "el ejercito de liberacion nacional")).containsExactly("eln");
        assertThat(ids(SMALL, "Kievan Rus and Budanovich are not entities")).isEmpty();
    }

    @Test
    void shouldMatchCaseSensitiveAcronymsOnlyAsWritten() {
        assertThat(ids(SMALL, "The ELN attacked")).containsExactly("eln");
        assertThat(ids(SMALL, "the eln attacked")).isEmpty();
        assertThat(ids(SMALL, "an FPV strike, not an fpv")).containsExactly("fpv-drone");
    }

    @Test
    void shouldMatchAcrossHyphensAndInflectedCyrillicNames() {
        assertThat(ids(SMALL, "MS-13 and ms 13")).containsExactly("ms-13", "ms-13");
        assertThat(ids(SMALL, "Заява Кирила Буданова у Києві")).containsExactly("kyrylo-budanov", "kyiv");
        assertThat(ids(SMALL, "Буданов сказал в Киеве, что картелем Синалоа")).containsExactly("kyrylo-budanov", "kyiv",
                "sinaloa-cartel");
        assertThat(ids(SMALL, "дроном FPV")).containsExactly("fpv-drone");
    }

    @Test
    void shouldCountEntitiesOverTitleAndTextOrderedByCountThenId() {
        List<EntityMention> tags = SMALL.tag("Budanov on FPV drones", "Budanov said Kyiv... Budanov. FPV. Kiev.");

        assertThat(tags).containsExactly(
                new EntityMention("kyrylo-budanov", "person", "Kyrylo Budanov", 3),
                new EntityMention("fpv-drone", "weapon", "FPV drone", 2),
                new EntityMention("kyiv", "place", "Kyiv", 2));
        assertThat(SMALL.tag(null, null)).isEmpty();
    }

    @Test
    void shouldTagTheWatchlistDomainInFiveLanguages() {
        assertThat(ids(DEFAULT, "The CJNG recruited former Colombian soldiers to fly FPV drones in Michoacán."))
                .containsExactly("cjng", "colombia", "fpv-drone", "michoacan");
        assertThat(ids(DEFAULT, "El Cártel de Jalisco Nueva Generación reclutó a exmilitares colombianos."))
                .containsExactly("cjng", "colombia");
        assertThat(ids(DEFAULT, "A Legião Internacional investiga o Comando Vermelho."))
                .containsExactly("international-legion", "comando-vermelho");
        assertThat(ids(DEFAULT, "СБУ та ГУР перевіряють добровольців Інтернаціонального легіону з Мексики"))
                .containsExactly("sbu", "hur", "international-legion", "mexico");
        assertThat(ids(DEFAULT, "Россия направила в Венесуэлу инструкторов по дронам"))
                .containsExactly("russia", "venezuela");
        assertThat(ids(DEFAULT, "Violence in New Mexico and the Gulf of Mexico")).containsExactly("new-mexico", "gulf-of-mexico");
    }
}
