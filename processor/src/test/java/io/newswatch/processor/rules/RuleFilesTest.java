package io.newswatch.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.processor.rules.RuleFileException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** The problems, with the temporary directory left out of file names. */
    private List<String> problems(ThrowingCall call) {
        try {
            call.run();
        } catch (RuleFileException e) {
            return e.problems().stream().map(Problem::toString).map(s -> s.replace(dir + java.io.File.separator, "")).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a RuleFileException");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void shouldReadEveryFieldWithCommentsAndBlockQueries() throws Exception {
        Path f = write("pack.yaml", """
                # Desk rules
                rules:
                  - id: drone-training   # the main one
                    title: Drone training
                    description: Armed groups taught to fly drones.
                    query: |
                      NEAR/8(dron*, train*)
                      AND cartel*
                    languages: [en, es]
                    severity: high
                    tags: [drones, training]
                  - id: plain
                    query: cartel
                """);

        List<WatchRule> rules = RuleFiles.load(f);

        assertThat(rules).containsExactly(
                new WatchRule("drone-training", "Drone training", "Armed groups taught to fly drones.",
                        "NEAR/8(dron*, train*)\nAND cartel*\n", List.of("en", "es"), "high", List.of("drones", "training")),
                new WatchRule("plain", null, null, "cartel", null, null, null));
        assertThat(RuleFiles.origin(rules.get(1))).hasValueSatisfying(o -> assertThat(o).endsWith("pack.yaml:12:5"));
    }

    @Test
    void shouldLoadEveryYamlFileOfADirectoryInNameOrder() throws Exception {
        write("b.yml", "rules:\n  - {id: second, query: b}\n");
        write("a.yaml", "rules:\n  - {id: first, query: a}\n");
        write("notes.txt", "not rules");

        assertThat(RuleFiles.load(dir)).extracting(WatchRule::id).containsExactly("first", "second");
    }

    @Test
    void shouldReportEveryStructuralProblemWithItsPosition() throws Exception {
        Path f = write("bad.yaml", """
                rules:
                  - id: one
                    query: drone
                    qurey: typo
                  - id: two
                    query: a
                  - title: no id
                    query: drone
                  - id: three
                    query: drone
                    languages: en
                  - id: Bad_Id
                    query: drone
                  - id: one
                    query: again
                """);

        assertThat(problems(() -> RuleFiles.load(f))).containsExactly(
                "bad.yaml:4:5: unknown key 'qurey'; a rule has description, id, languages, query, severity, shadow, tags, title",
                "bad.yaml:7:5: a rule without 'id'",
                "bad.yaml:11:16: 'languages' must be a list, such as [en, es]",
                "bad.yaml:12:5: rule 'Bad_Id': rule id must be lower-case letters, digits and dashes, was 'Bad_Id'",
                "bad.yaml:14:5: rule 'one': the id is used twice; first at bad.yaml:2:5");
    }

    @Test
    void shouldReportIdsUsedTwiceAcrossFiles() throws Exception {
        write("a.yaml", "rules:\n  - {id: same, query: a}\n");
        write("b.yaml", "rules:\n  - {id: same, query: b}\n");

        assertThat(problems(() -> RuleFiles.load(dir)))
                .containsExactly("b.yaml:2:5: rule 'same': the id is used twice; first at a.yaml:2:5");
    }

    @Test
    void shouldReportBrokenYamlWithItsPosition() throws Exception {
        Path f = write("broken.yaml", "rules:\n  - id: x\n    query: \"unclosed\n  - id: y\n");

        assertThat(problems(() -> RuleFiles.load(f))).containsExactly(
                "broken.yaml:5:1: not valid YAML: found unexpected end of stream (while scanning a quoted scalar from 3:12)");
    }

    @Test
    void shouldRejectUnknownTopLevelKeys() throws Exception {
        Path f = write("top.yaml", "rule:\n  - {id: x, query: y}\n");

        assertThat(problems(() -> RuleFiles.load(f)))
                .containsExactly("top.yaml:1:1: unknown key 'rule'; a rule file holds only 'rules'", "top.yaml: no 'rules' key");
    }

    @Test
    void shouldValidateEveryQueryAndPointAtTheFileLineOfEachError() throws Exception {
        Path f = write("queries.yaml", """
                rules:
                  - id: good
                    query: drone AND cartel
                  - id: unclosed
                    query: drone AND (cartel
                  - id: block
                    query: |
                      NEAR/5(cartel*,
                             drone* AND pilot)
                  - id: language
                    query: drone
                    languages: [xx]
                """);
        List<WatchRule> rules = RuleFiles.load(f);

        assertThat(problems(() -> RuleFiles.validate(rules))).containsExactly(
                "queries.yaml:5:22: rule 'unclosed': missing ')' to close '(' at position 10; found the end of the query",
                "queries.yaml:9:14: rule 'block': inside NEAR only OR is allowed between alternatives; found AND or + at position 23"
                        + " (combine NEAR clauses with AND outside instead)",
                "queries.yaml:11:12: rule 'language': unsupported language 'xx'; supported are en, es, pt, uk, ru");
    }

    @Test
    void shouldValidateRulesThatWereNotReadFromFiles() {
        List<WatchRule> rules = List.of(new WatchRule("x", null, null, "NEAR/3(a)", null, null, null));

        assertThatThrownBy(() -> RuleFiles.validate(rules)).isInstanceOf(RuleFileException.class)
                .hasMessage("1 problem in the rules:\nrule 'x': NEAR at position 0 needs at least two arguments separated by commas");
    }

    @Test
    void shouldFailClearlyOnAMissingPath() {
        assertThatThrownBy(() -> RuleFiles.load(dir.resolve("absent"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void shouldReadShadowRulesAsAnEditWithItsOwnVersion() throws Exception {
        Path f = write("shadow.yaml", """
                rules:
                  - {id: live, query: 'drone* AND train*'}
                  - {id: trial, query: 'drone* AND train*', shadow: true}
                  - {id: plain, query: 'drone* AND train*', shadow: false}
                """);

        List<WatchRule> rules = RuleFiles.load(f);

        assertThat(rules).extracting(WatchRule::shadow).containsExactly(false, true, false);
        WatchRule trial = rules.get(1);
        WatchRule sameNotShadow = new WatchRule(trial.id(), trial.title(), trial.description(), trial.query(), trial.languages(),
                trial.severity(), trial.tags());
        assertThat(trial.version()).isNotEqualTo(sameNotShadow.version());
        assertThat(WatchRule.fromRecord(trial.toRecord())).isEqualTo(trial);
        assertThat(new String(new io.newswatch.model.topic.JsonSerde<>(io.newswatch.model.WatchRuleRecord.class).toBytes(rules.get(0).toRecord()),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("shadow");
    }

    @Test
    void shouldRejectAShadowValueThatIsNotABoolean() throws Exception {
        Path f = write("bad-shadow.yaml", "rules:\n  - {id: x, query: y, shadow: maybe}\n");

        assertThat(problems(() -> RuleFiles.load(f))).singleElement().asString().contains("'shadow' must be true or false, was 'maybe'");
    }
}
