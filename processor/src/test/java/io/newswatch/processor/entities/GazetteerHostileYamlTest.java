package io.newswatch.processor.entities;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gazetteers against hostile or careless YAML (issue 14): each case is a {@link GazetteerException} (a config
 * error, exit code 2) naming the position. Before, an alias was read as its own name.
 */
class GazetteerHostileYamlTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAnAliasInsteadOfReadingItsName() {
        assertThatThrownBy(() -> Gazetteer.parse("""
                entities:
                  - id: kyiv
                    type: place
                    name: &n Kyiv
                  - id: kiev
                    type: place
                    name: *n
                """, "gaz.yaml")).isInstanceOf(GazetteerException.class).isInstanceOf(ConfigException.class)
                .hasMessage("gaz.yaml:7:11: YAML aliases (*n) are not supported; write the value out in full");
    }

    @Test
    void shouldRefuseAKeyWrittenTwice() {
        assertThatThrownBy(() -> Gazetteer.parse("""
                entities:
                  - id: kyiv
                    type: place
                    name: Kyiv
                    name: Kiev
                """, "gaz.yaml")).hasMessage("gaz.yaml:5:5: duplicate key 'name' (first at line 4, column 5)");
    }

    @Test
    void shouldRefuseAMergedEntity() {
        assertThatThrownBy(() -> Gazetteer.parse("""
                entities:
                  - &city
                    id: kyiv
                    type: place
                    name: Kyiv
                  - <<: *city
                    id: lviv
                    name: Lviv
                """, "gaz.yaml")).hasMessage("gaz.yaml:6:5: YAML merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void shouldRefuseASecondDocument() {
        assertThatThrownBy(() -> Gazetteer.parse("""
                entities:
                  - {id: kyiv, type: place, name: Kyiv}
                ---
                entities:
                  - {id: lviv, type: place, name: Lviv}
                """, "gaz.yaml")).hasMessage("gaz.yaml:3:1: a second YAML document starts here; a newswatch YAML file holds one document"
                + " (remove this '---' and what follows, or move it to a file of its own)");
    }

    @Test
    void shouldRefuseHugeFilesAndValues() throws Exception {
        String head = "entities:\n  - id: kyiv\n    type: place\n    name: ";
        Path huge = Files.writeString(dir.resolve("huge.yaml"), head + "Kyiv".repeat(4 * 1024 * 1024) + "\n");

        assertThatThrownBy(() -> Gazetteer.load(huge))
                .hasMessage(huge + ": the file is too large (" + Files.size(huge) + " bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThatThrownBy(() -> Gazetteer.parse(head + "Kyiv".repeat(20_000) + "\n", "gaz.yaml"))
                .hasMessage("gaz.yaml:4:1: line 4 is 80010 characters long; lines and values are limited to 65536 characters");
    }

    @Test
    void shouldRefuseDeepNesting() {
        assertThatThrownBy(() -> Gazetteer.parse("entities:\n  - id: kyiv\n    type: place\n    name: Kyiv\n    aliases: "
                + "[".repeat(10_000) + "\n", "gaz.yaml")).hasMessage("gaz.yaml:5:43: maps and lists nested more than 32 levels deep");
    }
}
