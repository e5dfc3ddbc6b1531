package io.newswatch.processor.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static Path fixture(String name) {
        try {
            return Path.of(GazetteerTest.class.getResource("/entities/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldLoadEntitiesWithTheirAliasesInFileOrder() {
        Gazetteer g = Gazetteer.load(fixture("small-gazetteer.yaml"));

        assertThat(g.entities()).extracting(Entity::id)
                .containsExactly("sinaloa", "sinaloa-cartel", "eln", "kyrylo-budanov", "kyiv", "fpv-drone", "ms-13");
        Entity eln = g.entity("eln").orElseThrow();
        assertThat(eln.type()).isEqualTo(EntityType.ORGANISATION);
        assertThat(eln.aliases()).containsExactly(new Entity.Alias("ELN", true),
                new Entity.Alias("Ejército de Liberación Nacional", false));
        assertThat(g.entity("nope")).isEmpty();
    }

    @Test
    void shouldNameFileLineAndKeyForAnUnknownKey() {
        assertThatThrownBy(() -> Gazetteer.load(fixture("unknown-key.yaml")))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("unknown-key.yaml:5:")
                .hasMessageContaining("unknown key 'alias' in entity 'cjng'")
                .hasMessageContaining("known keys: id, type, name, aliases");
    }

    @Test
    void shouldNameLineAndValueForABadType() {
        assertThatThrownBy(() -> Gazetteer.load(fixture("bad-type.yaml")))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("bad-type.yaml:6:")
                .hasMessageContaining("bad 'type' 'gadget' in entity 'fpv-drone'");
    }

    @Test
    void shouldRejectADuplicateIdNamingTheFirstDefinition() {
        assertThatThrownBy(() -> Gazetteer.load(fixture("duplicate-id.yaml")))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("duplicate-id.yaml:8:")
                .hasMessageContaining("duplicate entity id 'kyiv' (first defined at line 2)");
    }

    @Test
    void shouldRejectAnAliasThatFoldsToAnotherEntitysName() {
        assertThatThrownBy(() -> Gazetteer.load(fixture("alias-clash.yaml")))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("alias-clash.yaml:8:")
                .hasMessageContaining("alias 'SINALOA' of 'sinaloa-cartel' is already a name of 'sinaloa' (line 4)");
    }

    @Test
    void shouldRequireShortOneWordAliasesToBeCaseSensitive() {
        assertThatThrownBy(() -> Gazetteer.load(fixture("short-alias.yaml")))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("short-alias.yaml:5:")
                .hasMessageContaining("alias 'CDG' of 'gulf-cartel' is a single word shorter than 4 letters")
                .hasMessageContaining("{alias: CDG, caseSensitive: true}");
    }

    @Test
    void shouldRejectAnAliasWithoutLettersOrDigits() {
        String yaml = "entities:\n  - id: x\n    type: place\n    name: X place\n    aliases: ['--']\n";
        assertThatThrownBy(() -> Gazetteer.parse(yaml, "inline.yaml"))
                .hasMessageStartingWith("inline.yaml:5:")
                .hasMessageContaining("has no letters or digits");
    }

    @Test
    void shouldRejectABadIdAndAMissingName() {
        assertThatThrownBy(() -> Gazetteer.parse("entities:\n  - id: Bad Id\n    type: place\n    name: X\n", "a.yaml"))
                .hasMessageStartingWith("a.yaml:2:")
                .hasMessageContaining("bad 'id' 'Bad Id'");
        assertThatThrownBy(() -> Gazetteer.parse("entities:\n  - id: x\n    type: place\n", "b.yaml"))
                .hasMessageStartingWith("b.yaml:2:")
                .hasMessageContaining("entity 'x' has no 'name'");
    }

    @Test
    void shouldReportYamlThatIsNotAGazetteer() {
        assertThatThrownBy(() -> Gazetteer.parse("- just\n- a list\n", "list.yaml"))
                .hasMessageStartingWith("list.yaml:1:")
                .hasMessageContaining("must be a YAML map with the key 'entities'");
        assertThatThrownBy(() -> Gazetteer.parse("entities: [\n", "broken.yaml"))
                .hasMessage("broken.yaml:2:1: not valid YAML: expected the node content, but found '<stream end>' (while parsing a flow node)");
        assertThatThrownBy(() -> Gazetteer.parse("people: []\n", "other.yaml"))
                .hasMessageContaining("unknown key 'people'");
    }

    @Test
    void shouldShipADefaultGazetteerCoveringTheWatchlistDomain() {
        Gazetteer g = Gazetteer.loadDefault();

        assertThat(g.size()).isBetween(150, 300);
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        g.entities().forEach(e -> types.add(e.type()));
        assertThat(types).containsExactlyInAnyOrder(EntityType.values());
        List<String> required = List.of("cjng", "sinaloa-cartel", "sinaloa", "los-chapitos", "la-mayiza", "gulf-cartel",
                "los-zetas", "cartel-del-noreste", "familia-michoacana", "carteles-unidos", "tren-de-aragua",
                "clan-del-golfo", "eln", "farc", "emc", "segunda-marquetalia", "ms-13", "barrio-18", "pcc",
                "comando-vermelho", "international-legion", "hur", "sbu", "sso-ukraine", "unmanned-systems-forces",
                "azov", "russia-defence-ministry", "wagner", "africa-corps", "fsb", "gru", "rubikon", "kyrylo-budanov",
                "vadym-skibitskyi", "volodymyr-zelensky", "kursk", "pyongyang", "ukraine", "russia", "mexico",
                "colombia", "michoacan", "jalisco", "kyiv", "fpv-drone", "shahed", "lancet", "dji-mavic", "starlink",
                "javelin");
        Set<String> ids = new HashSet<>();
        g.entities().forEach(e -> ids.add(e.id()));
        assertThat(ids).containsAll(required);
    }
}
