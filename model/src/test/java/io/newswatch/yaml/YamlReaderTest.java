package io.newswatch.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.yaml.YamlScalar.Kind;
import io.newswatch.yaml.YamlScalar.Style;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared YAML reader against hostile input: each test feeds a literal document and expects the exact error
 * with its position (issue 14: aliases, repeated keys, merged blocks and second documents were misread silently;
 * huge values took tens of seconds and a gigabyte before being refused).
 */
class YamlReaderTest {

    @TempDir
    Path dir;

    private static YamlNode parse(String yaml) {
        return YamlReader.parse(yaml, "src.yaml").orElseThrow();
    }

    @Test
    void shouldKeepThePositionKindAndStyleOfEveryNode() {
        YamlMap root = (YamlMap) parse("""
                rule:
                  id: a
                  enabled: yes
                  every: 600
                  title: 'quoted'
                  unset: ~
                  query: |
                    NEAR/5(x,
                           y)
                  tags: [x, y]
                """);

        YamlMap rule = (YamlMap) root.entry("rule").orElseThrow().value();
        assertThat(rule.position()).hasToString("src.yaml:2:3");
        assertThat(rule.entries()).extracting(YamlMap.Entry::name).containsExactly("id", "enabled", "every", "title", "unset", "query", "tags");
        YamlScalar enabled = (YamlScalar) rule.entry("enabled").orElseThrow().value();
        assertThat(enabled.kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(enabled.bool()).contains(true);
        assertThat(((YamlScalar) rule.entry("every").orElseThrow().value()).kind()).isEqualTo(Kind.INTEGER);
        assertThat(((YamlScalar) rule.entry("unset").orElseThrow().value()).isNull()).isTrue();
        YamlScalar title = (YamlScalar) rule.entry("title").orElseThrow().value();
        assertThat(title.text()).isEqualTo("quoted");
        assertThat(title.kind()).isEqualTo(Kind.STRING);
        assertThat(title.position()).hasToString("src.yaml:5:10");
        assertThat(title.content()).hasToString("src.yaml:5:11");
        YamlScalar query = (YamlScalar) rule.entry("query").orElseThrow().value();
        assertThat(query.text()).isEqualTo("NEAR/5(x,\n       y)\n");
        assertThat(query.style()).isEqualTo(Style.LITERAL);
        assertThat(query.position()).hasToString("src.yaml:7:10");
        assertThat(query.content()).hasToString("src.yaml:8:5");
        YamlList tags = (YamlList) rule.entry("tags").orElseThrow().value();
        assertThat(tags.items()).extracting(YamlNode::position).extracting(Object::toString).containsExactly("src.yaml:10:10", "src.yaml:10:13");
    }

    @Test
    void shouldReadNothingFromAnEmptyDocumentAndSkipAByteOrderMark() {
        assertThat(YamlReader.parse("", "src.yaml")).isEmpty();
        assertThat(YamlReader.parse("# only a comment\n", "src.yaml")).isEmpty();
        assertThat(parse("\uFEFFa: 1\n").position()).hasToString("src.yaml:1:1");
    }

    @Test
    void shouldRefuseAnAliasInsteadOfReadingItsName() {
        assertThatThrownBy(() -> parse("""
                x: &q drone
                query: *q
                """)).isInstanceOf(YamlException.class)
                .hasMessage("src.yaml:2:8: YAML aliases (*q) are not supported; write the value out in full");
    }

    @Test
    void shouldRefuseAMergeKey() {
        assertThatThrownBy(() -> parse("""
                base: &b {a: 1}
                merged:
                  <<: {a: 2}
                """)).hasMessage("src.yaml:3:3: YAML merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void shouldRefuseAKeyWrittenTwice() {
        assertThatThrownBy(() -> parse("""
                a: 1
                b:
                  c: 2
                  c: 3
                """)).hasMessage("src.yaml:4:3: duplicate key 'c' (first at line 3, column 3)");
    }

    @Test
    void shouldRefuseASecondDocument() {
        assertThatThrownBy(() -> parse("""
                a: 1
                ---
                a: 2
                """)).hasMessage("src.yaml:2:1: a second YAML document starts here; a newswatch YAML file holds one document"
                + " (remove this '---' and what follows, or move it to a file of its own)");
    }

    @Test
    void shouldRefuseForeignTagsAndKeysThatAreNotValues() {
        assertThatThrownBy(() -> parse("cmd: !!python/object/apply:os.system [ls]\n"))
                .hasMessage("src.yaml:1:6: YAML tag '!!python/object/apply:os.system' is not supported here; remove it");
        assertThatThrownBy(() -> parse("home: !env HOME\n")).hasMessage("src.yaml:1:7: YAML tag '!env' is not supported here; remove it");
        assertThatThrownBy(() -> parse("? [a, b]\n: c\n")).hasMessage("src.yaml:1:3: a key must be a plain value, not a list");
        assertThat(((YamlScalar) ((YamlMap) parse("n: !!str 600\n")).entries().get(0).value()).kind()).isEqualTo(Kind.STRING);
    }

    @Test
    void shouldRefuseAValueOverTheBoundWithItsPosition() {
        String half = "x".repeat(40_000);
        assertThatThrownBy(() -> parse("a: 1\nq: |\n  " + half + "\n  " + half + "\n"))
                .hasMessage("src.yaml:2:4: a value of 80002 characters; values are limited to 65536 characters");
        assertThatThrownBy(() -> parse("q: \"" + half + "\n  " + half + "\"\n"))
                .hasMessage("src.yaml:1:4: a value of 80001 characters; values are limited to 65536 characters");
        assertThat(parse("q: " + "x".repeat(YamlReader.MAX_VALUE_CHARS - 3) + "\n")).isInstanceOf(YamlMap.class);
    }

    @Test
    void shouldRefuseALongLineBeforeParsingIt() {
        // One 4 MB word took SnakeYAML 12 s to scan: its reader copies what it has looked ahead at every kilobyte.
        assertThatThrownBy(() -> parse("a: 1\nq: " + "x".repeat(4_000_000) + "\n"))
                .hasMessage("src.yaml:2:1: line 2 is 4000003 characters long; lines and values are limited to 65536 characters");
        assertThatThrownBy(() -> parse("a: 1\r\n# " + "x".repeat(YamlReader.MAX_LINE_CHARS) + "\r\n"))
                .hasMessage("src.yaml:2:1: line 2 is 65538 characters long; lines and values are limited to 65536 characters");
    }

    @Test
    void shouldRefuseAHugeFileByItsSizeBeforeParsingIt() throws IOException {
        Path sixteen = dir.resolve("sixteen.yaml");
        Files.writeString(sixteen, "query: " + "x".repeat(16 * 1024 * 1024) + "\n");
        Path fifty = dir.resolve("fifty.yaml");
        try (OutputStream out = Files.newOutputStream(fifty)) {
            out.write("query: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }

        assertThatThrownBy(() -> YamlReader.read(sixteen))
                .hasMessage(sixteen + ": the file is too large (16777224 bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThatThrownBy(() -> YamlReader.read(fifty))
                .hasMessage(fifty + ": the file is too large (52428807 bytes); YAML files are limited to 4 MiB (4194304 bytes)");
    }

    @Test
    void shouldReadAStreamOnlyUpToTheBound() {
        Endless endless = new Endless();

        assertThatThrownBy(() -> YamlReader.read(endless, "classpath:/endless.yaml"))
                .hasMessage("classpath:/endless.yaml: the file is too large (more than 4194304 bytes); YAML files are limited to 4 MiB (4194304 bytes)");
        assertThat(endless.served).isLessThanOrEqualTo(YamlReader.MAX_BYTES + 1);
        assertThatThrownBy(() -> YamlReader.parse("q: " + "x".repeat(YamlReader.MAX_BYTES), "big.yaml"))
                .hasMessage("big.yaml: the file is too large (4194307 characters); YAML files are limited to 4 MiB (4194304 bytes)");
    }

    @Test
    void shouldRefuseDeepNestingAtTheLevelPastTheBound() {
        int depth = 10_000;
        assertThatThrownBy(() -> parse("[".repeat(depth) + "]".repeat(depth)))
                .hasMessage("src.yaml:1:33: maps and lists nested more than 32 levels deep");
        StringBuilder block = new StringBuilder();
        for (int level = 0; level < 40; level++) {
            block.append(" ".repeat(level)).append("k").append(level).append(":\n");
        }
        assertThatThrownBy(() -> parse(block.toString())).hasMessage("src.yaml:33:33: maps and lists nested more than 32 levels deep");
    }

    @Test
    void shouldRefuseMoreNodesThanTheBound() {
        String many = "- a\n".repeat(YamlReader.MAX_NODES);
        assertThatThrownBy(() -> parse(many))
                .hasMessage("src.yaml:250000:3: more than 250000 keys, values, maps and lists; a YAML file is limited to 250000");
    }

    @Test
    void shouldRefuseTextThatIsNotUtf8WithItsPosition() {
        byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> YamlReader.read(new ByteArrayInputStream(latin1), "latin1.yaml"))
                .hasMessage("latin1.yaml:2:7: not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void shouldReportBrokenSyntaxOnOneLineWithItsPosition() {
        assertThatThrownBy(() -> parse("rules:\n  - id: x\n    query: \"unclosed\n  - id: y\n"))
                .hasMessage("src.yaml:5:1: not valid YAML: found unexpected end of stream (while scanning a quoted scalar from 3:12)");
    }

    /** An endless stream of {@code x}, counting what it serves. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            served += len;
            return len;
        }
    }
}
