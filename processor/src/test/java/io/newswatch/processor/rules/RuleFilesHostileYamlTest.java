package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.processor.rules.RuleFileException.Problem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule files against hostile or careless YAML (issue 14). Before, {@code query: *q} became a rule matching the
 * letter "q", a repeated key kept its last value and a second document was ignored; now each is a problem with
 * its position, and one refused file does not hide the problems of the others.
 */
class RuleFilesHostileYamlTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private List<String> problems(Path fileOrDir) throws Exception {
        try {
            RuleFiles.load(fileOrDir);
        } catch (RuleFileException e) {
            return e.problems().stream().map(Problem::toString).map(s -> s.replace(dir + File.separator, "")).toList();
        }
        throw new AssertionError("loaded without problems: " + fileOrDir);
    }

    @Test
    void shouldRefuseAnAliasInsteadOfMatchingItsName() throws Exception {
        Path f = write("rules.yaml", """
                rules:
                  - id: a
                    query: &q drone AND cartel
                  - id: b
                    query: *q
                """);

        assertThat(problems(f)).containsExactly("rules.yaml:5:12: YAML aliases (*q) are not supported; write the value out in full");
    }

    @Test
    void shouldRefuseAKeyWrittenTwiceInOneRule() throws Exception {
        Path f = write("rules.yaml", """
                rules:
                  - id: a
                    query: drone
                    query: cartel
                """);

        assertThat(problems(f)).containsExactly("rules.yaml:4:5: duplicate key 'query' (first at line 3, column 5)");
    }

    @Test
    void shouldRefuseAMergedRule() throws Exception {
        Path f = write("rules.yaml", """
                rules:
                  - &base
                    id: a
                    query: drone
                  - <<: *base
                    id: b
                """);

        assertThat(problems(f)).containsExactly("rules.yaml:5:5: YAML merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void shouldRefuseASecondDocumentAndStillReportTheOtherFiles() throws Exception {
        write("a.yaml", """
                rules:
                  - {id: a, query: drone}
                ---
                rules:
                  - {id: hidden, query: cartel}
                """);
        write("b.yaml", """
                rules:
                  - {id: b, qurey: drone}
                """);

        assertThat(problems(dir)).containsExactly(
                "a.yaml:3:1: a second YAML document starts here; a newswatch YAML file holds one document"
                        + " (remove this '---' and what follows, or move it to a file of its own)",
                "b.yaml:2:13: unknown key 'qurey'; a rule has description, id, languages, query, severity, shadow, tags, title",
                "b.yaml:2:5: rule 'b': no 'query'");
    }

    @Test
    void shouldRefuseHugeFilesAndQueries() throws Exception {
        String head = "rules:\n  - id: a\n    query: ";
        Path huge = write("huge.yaml", head + "drone ".repeat(3 * 1024 * 1024) + "\n");
        Path longLine = write("line.yaml", head + "drone ".repeat(12_000) + "\n");
        Path longBlock = write("block.yaml", head + "|\n" + "      drone AND cartel\n".repeat(4_000));

        assertThat(problems(huge)).containsExactly("huge.yaml: the file is too large (" + Files.size(huge)
                + " bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThat(problems(longLine)).containsExactly("line.yaml:3:1: line 3 is 72011 characters long; lines and values are limited to 65536 characters");
        assertThat(problems(longBlock)).containsExactly("block.yaml:3:12: a value of 68000 characters; values are limited to 65536 characters");
    }

    @Test
    void shouldRefuseDeepNesting() throws Exception {
        Path f = write("deep.yaml", "rules:\n  - id: a\n    query: drone\n    languages: " + "[".repeat(10_000) + "\n");

        assertThat(problems(f)).containsExactly("deep.yaml:4:45: maps and lists nested more than 32 levels deep");
    }

    @Test
    void shouldAcceptAnAnchorThatNoAliasUses() throws Exception {
        Path f = write("anchor.yaml", "rules:\n  - id: a\n    query: &q drone\n");

        assertThat(RuleFiles.load(f)).extracting(WatchRule::query).containsExactly("drone");
    }
}
