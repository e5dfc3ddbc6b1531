package io.newswatch.processor.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {
    private static final GazetteerTagger TAGGER = new GazetteerTagger(Gazetteer.loadDefault());
    private static final Instant T0 = StoryFixtures.START;

    private final StoryAssigner assigner = StoryAssigner.inMemory(StoryConfig.defaults());

    private Assignment assign(Article a, Instant at) {
        return assigner.assign(a, TAGGER.tag(a.title(), a.text()), at);
    }

    private static Article fixture(String file) {
        return StoryFixtures.article(file, null);
    }


    @Test
    void shouldPointACopyOfACopyAtTheFirstPublication() {
        Article wire = fixture("a1-en-wire.txt");
        Article syndicated = fixture("a2-en-syndicated.txt");
        // The syndicated copy republished again with its credit line cut: near the copy, and near the wire.
        Article again = Article.builder("https://other.example/republished").title(syndicated.title())
                .text(syndicated.text().replace("(Reporting by the Mexico City newsroom; editing by the Americas desk)", ""))
                .fetchedAt(T0).build();

        assign(wire, T0);
        Assignment copy = assign(syndicated, T0.plusSeconds(60));
        Assignment copyOfCopy = assign(again, T0.plusSeconds(120));

        assertThat(copy).isEqualTo(new Assignment(Assignment.Kind.NEAR_DUPLICATE, wire.id(), wire.id()));
        assertThat(copyOfCopy).isEqualTo(new Assignment(Assignment.Kind.NEAR_DUPLICATE, wire.id(), wire.id()));
    }

    @Test
    void shouldFindAWireStoryRepublishedUnderANewHeadlineAndLede() {
        Article wire = fixture("a1-en-wire.txt");
        String[] paragraphs = wire.text().split("\n\n");
        // Another outlet's headline and first paragraph, the rest verbatim, with a related link and a cookie notice.
        StringBuilder body = new StringBuilder("We use cookies to improve your experience.\n\n"
                + "A Michoacán ranch served as a flight school where two Colombian veterans of the war in Ukraine "
                + "taught cartel gunmen to bomb from the air, according to prosecutors.");
        for (int i = 1; i < paragraphs.length; i++) {
            body.append("\n\n").append(paragraphs[i]);
            if (i == 2) {
                body.append("\n\nRelated: Drone attack wounds four soldiers in Michoacán");
            }
        }
        Article republished = Article.builder("https://regional.example/cartel-flight-school")
                .title("Inside the cartel flight school run by Ukraine war veterans").text(body.toString()).fetchedAt(T0).build();

        assign(wire, T0);

        assertThat(assign(republished, T0.plusSeconds(600)))
                .isEqualTo(new Assignment(Assignment.Kind.NEAR_DUPLICATE, wire.id(), wire.id()));
    }

    @Test
    void shouldKeepApartTwoIncidentsOfOneCartelThatShareOnlyItsNameAndPlaces() {
        Article ambush = Article.builder("https://news.example/culiacan-ambush")
                .title("Sinaloa Cartel gunmen ambush police convoy in Culiacán")
                .text("Gunmen of the Sinaloa Cartel ambushed a police convoy on a highway outside Culiacán, Sinaloa, "
                        + "on Monday night, killing several officers, the state security ministry said. The attackers "
                        + "fired from pickup trucks and fled into the hills before soldiers arrived. Hospitals in the "
                        + "city treated the wounded overnight, and the governor asked the federal government for more "
                        + "troops and helicopters. Residents said shops along the highway stayed closed the next day, "
                        + "and bus companies suspended night routes to the coast.")
                .lang("en").fetchedAt(T0).build();
        Article lookouts = Article.builder("https://noticias.example/culiacan-halcones")
                .title("El Cártel de Sinaloa recluta adolescentes como halcones en Culiacán")
                .text("El Cártel de Sinaloa recluta a adolescentes en colonias de Culiacán, Sinaloa, para vigilar "
                        + "calles y avisar de la llegada de patrullas, denunciaron maestros y madres de familia. Les "
                        + "ofrecen dinero, teléfonos y motocicletas. Una maestra de secundaria contó que varios alumnos "
                        + "dejaron de asistir a clases después de recibir mensajes en redes sociales. Organizaciones "
                        + "civiles pidieron a la fiscalía investigar a quienes pagan los anuncios y proteger a las "
                        + "familias que denuncian.")
                .lang("es").fetchedAt(T0).build();
        StoryAssigner withoutEvidence = StoryAssigner.inMemory(StoryConfig.defaults().withStoryEvidence(0, 0));
        withoutEvidence.assign(ambush, TAGGER.tag(ambush.title(), ambush.text()), T0);
        assertThat(withoutEvidence.assign(lookouts, TAGGER.tag(lookouts.title(), lookouts.text()), T0.plusSeconds(3600)).kind())
                .as("on shared entities alone the two would join").isEqualTo(Assignment.Kind.STORY_UPDATE);

        Assignment a = assign(ambush, T0);
        Assignment b = assign(lookouts, T0.plusSeconds(3600));

        assertThat(b).as("a shared cartel, city and state are no evidence of one event")
                .isEqualTo(new Assignment(Assignment.Kind.NEW_STORY, lookouts.id(), null));
        assertThat(a.storyId()).isEqualTo(ambush.id());
    }

    @Test
    void shouldTreatTheSameTextUnderAnotherUrlAsAnExactDuplicateOfTheFirst() {
        Article wire = fixture("a1-en-wire.txt");
        Article mirror = Article.builder("https://mirror.example/story").title(wire.title()).text(wire.text())
                .fetchedAt(T0).build();

        assign(wire, T0);

        assertThat(assign(mirror, T0.plusSeconds(5)))
                .isEqualTo(new Assignment(Assignment.Kind.EXACT_DUPLICATE, wire.id(), wire.id()));
        // Not remembered: the same mirror again is still a duplicate of the wire, not of the mirror.
        assertThat(assign(mirror, T0.plusSeconds(9)).duplicateOf()).isEqualTo(wire.id());
    }

    @Test
    void shouldJudgeALateArticleAgainstWhatSurroundedIt() {
        Article rewrite = fixture("a4-en-rewrite.txt");
        Article wire = fixture("a1-en-wire.txt");

        assign(rewrite, T0.plus(Duration.ofHours(10)));
        // The wire story arrives after its rewrite but is dated earlier; it still joins the rewrite's story.
        Assignment late = assign(wire, T0);

        assertThat(late).isEqualTo(new Assignment(Assignment.Kind.STORY_UPDATE, rewrite.id(), null));
    }

    @Test
    void shouldKeepAStoryOpenWhileEachArticleIsWithinTheWindowOfAnEarlierOne() {
        Article wire = fixture("a1-en-wire.txt");
        assign(wire, T0);
        assign(fixture("a5-es.txt"), T0.plus(Duration.ofHours(60)));

        // 120 h after the first article, but 60 h after the Spanish one.
        Assignment russian = assign(fixture("a6-ru.txt"), T0.plus(Duration.ofHours(120)));

        assertThat(russian.storyId()).isEqualTo(wire.id());
    }

    @Test
    void shouldOpenAStoryForAnArticleWithoutEntitiesOrText() {
        Article empty = Article.builder("https://news.example/empty").title("").text("").fetchedAt(T0).build();

        assertThat(assigner.assign(empty, List.of(), T0))
                .isEqualTo(new Assignment(Assignment.Kind.NEW_STORY, empty.id(), null));
        assertThat(assigner.assign(empty, List.of(), T0).kind()).isEqualTo(Assignment.Kind.NEW_STORY); // replay
        assertThat(assigner.assign(empty, List.of(), T0.plusSeconds(1)).kind()).isEqualTo(Assignment.Kind.EXACT_DUPLICATE);
    }

    @Test
    void shouldReproduceTheSameStoryIdsOnAReplayOfTheSameInput() {
        List<StoryFixtures.Fixture> fixtures = StoryFixtures.all();
        StoryAssigner first = StoryAssigner.inMemory(StoryConfig.defaults());
        StoryAssigner replay = StoryAssigner.inMemory(StoryConfig.defaults());
        for (int i = 0; i < fixtures.size(); i++) {
            Article a = fixtures.get(i).article();
            Instant at = T0.plus(Duration.ofMinutes(7L * i));
            assertThat(replay.assign(a, TAGGER.tag(a.title(), a.text()), at))
                    .isEqualTo(first.assign(a, TAGGER.tag(a.title(), a.text()), at));
        }
    }

    @Test
    void shouldRejectMissingArguments() {
        Article a = fixture("a1-en-wire.txt");
        assertThatThrownBy(() -> assigner.assign(null, List.of(), T0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("article");
        assertThatThrownBy(() -> assigner.assign(a, null, T0)).hasMessageContaining("entities");
        assertThatThrownBy(() -> assigner.assign(a, List.of(), null)).hasMessageContaining("eventTime");
        assertThatThrownBy(() -> new StoryAssigner(null, StoryConfig.defaults())).hasMessageContaining("must not be null");
    }
}
