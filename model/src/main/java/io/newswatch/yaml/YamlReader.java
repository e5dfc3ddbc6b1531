package io.newswatch.yaml;

import io.newswatch.model.Validate;
import io.newswatch.yaml.YamlScalar.Kind;
import io.newswatch.yaml.YamlScalar.Style;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one reader of newswatch's YAML files (config, feed lists, rule files, gazetteers): it turns a file,
 * stream or text into a tree of {@link YamlNode}s that keep their {@code file:line:column}, so each file kind
 * checks its own keys and values and names the spot of every error.
 *
 * <p>It reads plain data only, and refuses with a position what would otherwise be misread silently:
 * aliases ({@code *q}; an anchor {@code &q} alone changes nothing and is allowed), merge keys ({@code <<:}), a
 * key written twice in one map, a key that is a map or a list, tags other than YAML's own scalar, list and map
 * tags, and a second document ({@code ---}).
 *
 * <p>Bounds, checked before the work they protect, each refused with a {@link YamlException} naming the source
 * and, where there is one, the position:
 * <ul>
 *   <li>{@value #MAX_BYTES} bytes per file (4 MiB): a regular file's size is checked before it is opened, and
 *       no more than one byte past the bound is ever read from a stream;</li>
 *   <li>{@value #MAX_LINE_CHARS} characters per line (64 Ki), checked on the text before it is parsed:
 *       SnakeYAML's reader copies its window on every kilobyte it looks ahead, so scanning to the end of one
 *       huge line or word costs the square of its length (a 4 MB word took 12 s);</li>
 *   <li>{@value #MAX_VALUE_CHARS} characters per value (64 Ki; a value over several lines is counted whole);</li>
 *   <li>{@value #MAX_DEPTH} levels of nested maps and lists;</li>
 *   <li>{@value #MAX_NODES} nodes (keys, values, maps and lists) per file.</li>
 * </ul>
 * With lines bounded, parsing with SnakeYAML's event parser takes time linear in the file's size; the tree is
 * built without recursion, so neither time, memory nor stack depth grows past what the bounds above allow. Text must be UTF-8 (a leading BOM is
 * skipped). Stateless and thread-safe.
 */
public final class YamlReader {
    /** Largest file read, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Longest line, in characters. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Longest value (scalar), in characters. */
    public static final int MAX_VALUE_CHARS = 64 * 1024;
    /** Deepest nesting of maps and lists. */
    public static final int MAX_DEPTH = 32;
    /** Most nodes in one file. */
    public static final int MAX_NODES = 250_000;

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> SCALAR_TAGS = Set.of("!", CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null");
    private static final Resolver RESOLVER = new Resolver();

    private YamlReader() {
    }

    /**
     * Reads a UTF-8 YAML file; messages name it as {@code file.toString()}.
     *
     * @return the document's root, or empty when the file holds no document (empty, or only comments)
     * @throws IOException   when the file cannot be read
     * @throws YamlException when it is too large, not UTF-8, not valid YAML, or uses a refused construct
     */
    public static Optional<YamlNode> read(Path file) throws IOException {
        Validate.notNull(file, "file");
        String source = file.toString();
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(source, size + " bytes");
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        }
    }

    /**
     * Reads a UTF-8 YAML stream, at most {@value #MAX_BYTES} bytes of it; does not close {@code in}.
     *
     * @param source how to name the stream in messages, e.g. {@code classpath:/feeds/default-feeds.yaml}
     * @throws IOException   when the stream cannot be read
     * @throws YamlException as {@link #read(Path)}
     */
    public static Optional<YamlNode> read(InputStream in, String source) throws IOException {
        Validate.notNull(in, "in");
        Validate.notBlank(source, "source");
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, "more than " + MAX_BYTES + " bytes");
        }
        return parse(decode(bytes, source), source);
    }

    /**
     * Parses YAML text.
     *
     * @param source how to name the text in messages
     * @throws YamlException as {@link #read(Path)}
     */
    public static Optional<YamlNode> parse(String yaml, String source) {
        Validate.notNull(yaml, "yaml");
        Validate.notBlank(source, "source");
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(source, yaml.length() + " characters");
        }
        String text = !yaml.isEmpty() && yaml.charAt(0) == '\uFEFF' ? yaml.substring(1) : yaml;
        return new TreeBuilder(text, source).build();
    }

    private static YamlException tooLarge(String source, String size) {
        return new YamlException(source, "the file is too large (" + size + "); YAML files are limited to "
                + MAX_BYTES / (1024 * 1024) + " MiB (" + MAX_BYTES + " bytes)", null);
    }

    /** Strict UTF-8, naming the line and column of the first byte that is not. */
    private static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new YamlException(new YamlPosition(source, line, column), String.format(
                    "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[in.position()] & 0xff));
        }
        out.flip();
        return out.toString();
    }

    /** Builds the tree from the parser's events with an explicit stack. Single use. */
    private static final class TreeBuilder {
        private final String text;
        private final String source;
        private final Deque<Open> open = new ArrayDeque<>();
        private YamlNode root;
        private int documents;
        private int nodes;
        private int[] lineStarts;

        /** A map or list whose end has not been seen yet. */
        private static final class Open {
            final YamlPosition position;
            final boolean map;
            final List<YamlNode> items = new ArrayList<>();
            final List<YamlMap.Entry> entries = new ArrayList<>();
            final Map<String, YamlPosition> keys = new HashMap<>();
            YamlScalar pendingKey;

            Open(YamlPosition position, boolean map) {
                this.position = position;
                this.map = map;
            }
        }

        TreeBuilder(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Optional<YamlNode> build() {
            checkLines();
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_BYTES);
            options.setNestingDepthLimit(MAX_DEPTH + 1);
            ParserImpl parser = new ParserImpl(new StreamReader(text), options);
            try {
                while (true) {
                    Event e = parser.getEvent();
                    switch (e.getEventId()) {
                        case StreamEnd -> {
                            return Optional.ofNullable(root);
                        }
                        case DocumentStart -> {
                            if (++documents > 1) {
                                throw error(e.getStartMark(), "a second YAML document starts here; a newswatch YAML file holds one"
                                        + " document (remove this '---' and what follows, or move it to a file of its own)");
                            }
                        }
                        case Alias -> throw error(e.getStartMark(), "YAML aliases (*" + ((AliasEvent) e).getAnchor()
                                + ") are not supported; write the value out in full");
                        case Scalar -> add(scalar((ScalarEvent) e));
                        case MappingStart, SequenceStart -> start((CollectionStartEvent) e);
                        case MappingEnd, SequenceEnd -> end();
                        default -> {
                            // stream start, document end, comments: nothing to keep
                        }
                    }
                }
            } catch (MarkedYAMLException e) {
                throw syntaxError(e);
            } catch (YAMLException e) {
                throw new YamlException(source, "not valid YAML: " + firstLine(e.getMessage()), e);
            }
        }

        /** Refuses a line longer than {@link #MAX_LINE_CHARS}, counting line breaks as YAML does. */
        private void checkLines() {
            int line = 1;
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '\n';
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    if (i - start > MAX_LINE_CHARS) {
                        throw new YamlException(new YamlPosition(source, line, 1), "line " + line + " is " + (i - start)
                                + " characters long; lines and values are limited to " + MAX_LINE_CHARS + " characters");
                    }
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    start = i + 1;
                }
            }
        }

        private void start(CollectionStartEvent e) {
            boolean map = e.getEventId() == Event.ID.MappingStart;
            checkNode(e, map ? Set.of("!", CORE + "map") : Set.of("!", CORE + "seq"));
            if (open.size() >= MAX_DEPTH) {
                throw error(e.getStartMark(), "maps and lists nested more than " + MAX_DEPTH + " levels deep");
            }
            open.push(new Open(position(e.getStartMark()), map));
        }

        private void end() {
            Open o = open.pop();
            add(o.map ? new YamlMap(o.entries, o.position) : new YamlList(o.items, o.position));
        }

        private void add(YamlNode node) {
            Open parent = open.peek();
            if (parent == null) {
                root = node;
            } else if (!parent.map) {
                parent.items.add(node);
            } else if (parent.pendingKey != null) {
                parent.entries.add(new YamlMap.Entry(parent.pendingKey, node));
                parent.pendingKey = null;
            } else {
                if (!(node instanceof YamlScalar key)) {
                    throw new YamlException(node.position(), "a key must be a plain value, not " + node.describe());
                }
                if (key.style() == Style.PLAIN && key.text().equals("<<")) {
                    throw new YamlException(key.position(), "YAML merge keys (<<) are not supported; write the keys out in full");
                }
                YamlPosition first = parent.keys.putIfAbsent(key.text(), key.position());
                if (first != null) {
                    throw new YamlException(key.position(), "duplicate key '" + key.text() + "' (first at line " + first.line()
                            + ", column " + first.column() + ")");
                }
                parent.pendingKey = key;
            }
        }

        private YamlScalar scalar(ScalarEvent e) {
            checkNode(e, SCALAR_TAGS);
            YamlPosition at = position(e.getStartMark());
            String value = e.getValue();
            if (value.length() > MAX_VALUE_CHARS) {
                throw new YamlException(at, "a value of " + value.length() + " characters; values are limited to "
                        + MAX_VALUE_CHARS + " characters");
            }
            Style style = switch (e.getScalarStyle()) {
                case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
                case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
                case LITERAL -> Style.LITERAL;
                case FOLDED -> Style.FOLDED;
                default -> Style.PLAIN;
            };
            Kind kind;
            if (e.getTag() != null && !e.getTag().equals("!")) {
                kind = kindOf(e.getTag());
            } else if (style == Style.PLAIN && e.getImplicit().canOmitTagInPlainScalar()) {
                kind = kindOf(RESOLVER.resolve(NodeId.scalar, value, true).getValue());
            } else {
                kind = Kind.STRING;
            }
            return new YamlScalar(value, kind, style, at, contentOf(style, at));
        }

        private static Kind kindOf(String tag) {
            return switch (tag.startsWith(CORE) ? tag.substring(CORE.length()) : tag) {
                case "null" -> Kind.NULL;
                case "bool" -> Kind.BOOLEAN;
                case "int" -> Kind.INTEGER;
                case "float" -> Kind.FLOAT;
                default -> Kind.STRING;
            };
        }

        /** Counts the node and refuses foreign tags. An anchor ({@code &q}) alone changes nothing, so it may stay. */
        private void checkNode(NodeEvent e, Set<String> allowedTags) {
            if (++nodes > MAX_NODES) {
                throw error(e.getStartMark(), "more than " + MAX_NODES + " keys, values, maps and lists; a YAML file is limited to " + MAX_NODES);
            }
            String tag = e instanceof ScalarEvent s ? s.getTag() : ((CollectionStartEvent) e).getTag();
            if (tag != null && !allowedTags.contains(tag)) {
                throw error(e.getStartMark(), "YAML tag '" + (tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag)
                        + "' is not supported here; remove it");
            }
        }

        /** Where a scalar's text starts: after a quote, or on the block's first line at its indentation. */
        private YamlPosition contentOf(Style style, YamlPosition at) {
            return switch (style) {
                case PLAIN -> at;
                case SINGLE_QUOTED, DOUBLE_QUOTED -> new YamlPosition(source, at.line(), at.column() + 1);
                case LITERAL, FOLDED -> {
                    int[] starts = lineStarts();
                    if (at.line() >= starts.length) {
                        yield at; // an empty block at the end of the file
                    }
                    int start = starts[at.line()];
                    int indent = 0;
                    while (start + indent < text.length() && text.charAt(start + indent) == ' ') {
                        indent++;
                    }
                    yield new YamlPosition(source, at.line() + 1, indent + 1);
                }
            };
        }

        /** Offsets where each line starts, index 0 for line 1; built on the first block scalar. */
        private int[] lineStarts() {
            if (lineStarts == null) {
                int count = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        count++;
                    }
                }
                lineStarts = new int[count];
                int line = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        lineStarts[line++] = i + 1;
                    }
                }
            }
            return lineStarts;
        }

        private YamlPosition position(Mark mark) {
            return new YamlPosition(source, mark.getLine() + 1, mark.getColumn() + 1);
        }

        private YamlException error(Mark mark, String reason) {
            return new YamlException(position(mark), reason);
        }

        /** SnakeYAML's messages span several lines with a drawing of the spot; one line is enough here. */
        private YamlException syntaxError(MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (e.getContextMark() == null || e.getContextMark() == at ? ""
                    : " from " + (e.getContextMark().getLine() + 1) + ":" + (e.getContextMark().getColumn() + 1)) + ")";
            String reason = "not valid YAML: " + problem + context;
            return at == null ? new YamlException(source, reason, e) : new YamlException(position(at), reason);
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
