package io.newswatch.processor.rules;

import io.newswatch.processor.rules.QueryNode.Bool;
import io.newswatch.processor.rules.QueryNode.Boost;
import io.newswatch.processor.rules.QueryNode.Clause;
import io.newswatch.processor.rules.QueryNode.Exact;
import io.newswatch.processor.rules.QueryNode.Near;
import io.newswatch.processor.rules.QueryNode.Phrase;
import io.newswatch.processor.rules.QueryNode.Scope;
import io.newswatch.processor.rules.QueryNode.Wildcard;
import io.newswatch.processor.rules.QueryNode.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * Parses the rule query language (see the package documentation) into a {@link QueryNode} tree.
 *
 * <p>Precedence, loosest first: {@code OR} (or no operator) &lt; {@code AND} &lt; {@code NOT}, {@code +},
 * {@code -}. Every error names the character position where it was found. The query's size is bounded here,
 * before anything recursive or expensive runs: its length ({@link #MAX_QUERY_CHARS}), nesting
 * ({@link #MAX_DEPTH}), clauses per group ({@link #MAX_GROUP_CLAUSES}), words ({@link #MAX_TERMS}) and
 * wildcard characters per word ({@link #MAX_WILDCARD_CHARS}). Not thread-safe; use {@link #parse(String)},
 * which makes a new parser per query.
 */
final class QueryParser {

    /** Largest distance accepted for NEAR and phrase slop: below the gap between title and text. */
    static final int MAX_DISTANCE = 50;
    /** NEAR without {@code /n}. */
    static final int DEFAULT_NEAR_DISTANCE = 10;
    /** Longest query in characters: the longest desk rule of the default pack is about 5,000. */
    static final int MAX_QUERY_CHARS = 100_000;
    /**
     * Deepest nesting of groups, NEAR arguments and NOT chains: the parser, the compiler and Lucene all recurse
     * over the tree, and a query nested thousands deep would overflow the stack of the thread that compiles it.
     */
    static final int MAX_DEPTH = 32;
    /** Most words, phrases and wildcards in one query (each is at least one Lucene clause per language). */
    static final int MAX_TERMS = 2_048;
    /** Most clauses of one group (Lucene's own limit per boolean query, checked here with a position). */
    static final int MAX_GROUP_CLAUSES = 1_024;
    /**
     * Most {@code *} and {@code ?} in one wildcard: each is a loop in the wildcard's automaton, and thousands make
     * Lucene's construction run for minutes and gigabytes. Real patterns use one or two.
     */
    static final int MAX_WILDCARD_CHARS = 8;

    private final String query;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private int terms;

    private QueryParser(String query, List<Token> tokens) {
        this.query = query;
        this.tokens = tokens;
    }

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException with the position of the first error
     */
    static QueryNode parse(String query) throws QuerySyntaxException {
        Objects.requireNonNull(query, "query");
        if (query.length() > MAX_QUERY_CHARS) {
            throw new QuerySyntaxException("the query has " + query.length() + " characters; the limit is " + MAX_QUERY_CHARS
                    + " (split it into several rules)", -1);
        }
        QueryParser parser = new QueryParser(query, new Lexer(query).tokens());
        if (parser.peek().type == Type.EOF) {
            throw new QuerySyntaxException("the query is empty", 0);
        }
        QueryNode root = parser.parseOr(Scope.TEXT);
        Token t = parser.peek();
        if (t.type == Type.RPAREN) {
            throw new QuerySyntaxException("')' at position " + t.position + " has no matching '('", t.position);
        }
        if (t.type == Type.COMMA) {
            throw new QuerySyntaxException("',' at position " + t.position
                    + " is only allowed between the arguments of NEAR or ONEAR", t.position);
        }
        return root;
    }

    // ---- grammar ----

    /** A unary clause before it is placed in a boolean: {@code occur} is null when no operator was written. */
    private record Unary(Occur occur, QueryNode node) {
    }

    private QueryNode parseOr(Scope scope) throws QuerySyntaxException {
        int start = peek().position;
        enter(start);
        List<Unary> items = new ArrayList<>();
        while (!peek().endsGroup()) {
            if (peek().type == Type.OR) {
                Token or = take();
                if (items.isEmpty()) {
                    throw new QuerySyntaxException("OR at position " + or.position + " has nothing on its left", or.position);
                }
                if (peek().endsGroup()) {
                    throw new QuerySyntaxException("OR at position " + or.position + " has nothing on its right", or.position);
                }
            }
            if (items.size() == MAX_GROUP_CLAUSES) {
                throw new QuerySyntaxException("the group at position " + start + " has more than " + MAX_GROUP_CLAUSES
                        + " clauses; the " + (MAX_GROUP_CLAUSES + 1) + "th is at position " + peek().position
                        + " (split it into several rules)", peek().position);
            }
            items.add(parseAnd(scope));
        }
        if (items.isEmpty()) {
            throw new QuerySyntaxException("empty group at position " + start, start);
        }
        depth--;
        if (items.size() == 1) {
            Unary only = items.get(0);
            return only.occur == Occur.MUST_NOT
                    ? new Bool(List.of(new Clause(Occur.MUST_NOT, only.node)), only.node.position())
                    : only.node;
        }
        List<Clause> clauses = new ArrayList<>();
        for (Unary u : items) {
            clauses.add(new Clause(u.occur == null ? Occur.SHOULD : u.occur, u.node));
        }
        return new Bool(clauses, start);
    }

    private Unary parseAnd(Scope scope) throws QuerySyntaxException {
        Unary first = parseUnary(scope);
        if (peek().type != Type.AND) {
            return first;
        }
        List<Clause> clauses = new ArrayList<>();
        clauses.add(conjunct(first));
        while (peek().type == Type.AND) {
            Token and = take();
            if (clauses.size() == MAX_GROUP_CLAUSES) {
                throw new QuerySyntaxException("the AND at position " + and.position + " joins more than " + MAX_GROUP_CLAUSES
                        + " clauses (split the rule into several rules)", and.position);
            }
            if (peek().endsGroup() || peek().type == Type.OR || peek().type == Type.AND) {
                throw new QuerySyntaxException("AND at position " + and.position + " has nothing on its right", and.position);
            }
            clauses.add(conjunct(parseUnary(scope)));
        }
        return new Unary(null, new Bool(clauses, first.node.position()));
    }

    private static Clause conjunct(Unary u) {
        return new Clause(u.occur == Occur.MUST_NOT ? Occur.MUST_NOT : Occur.MUST, u.node);
    }

    private Unary parseUnary(Scope scope) throws QuerySyntaxException {
        Token t = peek();
        switch (t.type) {
            case NOT -> {
                take();
                requireOperand(t, "NOT");
                enter(t.position);
                Unary inner = parseUnary(scope);
                depth--;
                return new Unary(Occur.MUST_NOT, inner.node);
            }
            case PLUS -> {
                take();
                return new Unary(Occur.MUST, parsePrimary(scope));
            }
            case MINUS -> {
                take();
                return new Unary(Occur.MUST_NOT, parsePrimary(scope));
            }
            case AND -> throw new QuerySyntaxException("AND at position " + t.position + " has nothing on its left", t.position);
            default -> {
                return new Unary(null, parsePrimary(scope));
            }
        }
    }

    /** One level deeper; refused beyond {@link #MAX_DEPTH}, before the recursion could exhaust the stack. */
    private void enter(int position) throws QuerySyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException("the query nests groups, NEAR or NOT more than " + MAX_DEPTH + " deep at position "
                    + position, position);
        }
    }

    /** One more word, phrase or wildcard; refused beyond {@link #MAX_TERMS}. */
    private void countTerm(Token t) throws QuerySyntaxException {
        if (++terms > MAX_TERMS) {
            throw new QuerySyntaxException("the query has more than " + MAX_TERMS + " words, phrases and wildcards; the "
                    + (MAX_TERMS + 1) + "th is at position " + t.position + " (split it into several rules)", t.position);
        }
    }

    private void requireOperand(Token operator, String name) throws QuerySyntaxException {
        Token t = peek();
        if (t.endsGroup() || t.type == Type.AND || t.type == Type.OR) {
            throw new QuerySyntaxException(name + " at position " + operator.position + " has nothing to apply to", operator.position);
        }
    }

    private QueryNode parsePrimary(Scope scope) throws QuerySyntaxException {
        Token t = peek();
        QueryNode node;
        if (t.type == Type.FIELD) {
            take();
            Scope fieldScope = Scope.forFieldName(t.text);
            if (fieldScope == null) {
                throw new QuerySyntaxException("unknown field '" + t.text + "' at position " + t.position
                        + "; the fields are title, text and entity (escape a literal colon as \\:)", t.position);
            }
            if (peek().type == Type.FIELD) {
                throw new QuerySyntaxException("two fields in a row at position " + peek().position, peek().position);
            }
            if (peek().endsGroup()) {
                throw new QuerySyntaxException("field '" + t.text + ":' at position " + t.position + " has nothing to search for", t.position);
            }
            node = atField(parseAtom(fieldScope), t.position);
        } else {
            node = parseAtom(scope);
        }
        if (peek().type == Type.CARET) {
            Token caret = take();
            node = new Boost(node, caret.number, caret.position);
        }
        return node;
    }

    /** A field-scoped word or phrase is reported at its field name, where the reader sees it start. */
    private static QueryNode atField(QueryNode node, int position) {
        return switch (node) {
            case Word w -> new Word(w.scope(), w.text(), position);
            case Exact e -> new Exact(e.scope(), e.text(), position);
            case Wildcard w -> new Wildcard(w.scope(), w.pattern(), position);
            case Phrase p -> new Phrase(p.scope(), p.text(), p.slop(), position);
            default -> node;
        };
    }

    private QueryNode parseAtom(Scope scope) throws QuerySyntaxException {
        Token t = take();
        switch (t.type) {
            case LPAREN -> {
                QueryNode inner = parseOr(scope);
                expectClose(t, "'('");
                return inner;
            }
            case QUOTED -> {
                countTerm(t);
                int slop = 0;
                if (peek().type == Type.TILDE) {
                    Token tilde = take();
                    slop = (int) tilde.number;
                    checkDistance(slop, tilde.position, "phrase slop");
                }
                if (scope == Scope.ENTITY) {
                    throw new QuerySyntaxException("entity: takes an entity id, not a phrase (position " + t.position + ")", t.position);
                }
                return new Phrase(scope, t.text, slop, t.position);
            }
            case NEAR, ONEAR -> {
                return parseNear(t, scope);
            }
            case WORD -> {
                countTerm(t);
                if (t.wildcard) {
                    checkWildcard(t);
                }
                if (peek().type == Type.TILDE) {
                    Token tilde = peek();
                    throw new QuerySyntaxException("fuzzy matching ('~' after a word, position " + tilde.position
                            + ") is not supported; use a wildcard such as dron*", tilde.position);
                }
                if (t.text.startsWith("=") && !t.wildcard) {
                    String word = t.text.substring(1);
                    if (word.isEmpty() || !word.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'' || c == '’')) {
                        throw new QuerySyntaxException("'=' at position " + t.position + " must be followed by a single word, as in =attacked",
                                t.position);
                    }
                    if (scope == Scope.ENTITY) {
                        throw new QuerySyntaxException("entity: takes an entity id, not =word (position " + t.position + ")", t.position);
                    }
                    return new Exact(scope, word, t.position);
                }
                return t.wildcard ? new Wildcard(scope, t.text, t.position) : new Word(scope, t.text, t.position);
            }
            case EOF -> throw new QuerySyntaxException("the query ends where a word, phrase or group was expected (position "
                    + t.position + ")", t.position);
            default -> throw new QuerySyntaxException("unexpected " + t.describe() + " at position " + t.position
                    + " where a word, phrase or group was expected", t.position);
        }
    }

    private static void checkWildcard(Token t) throws QuerySyntaxException {
        int count = 0;
        for (int i = 0; i < t.text.length(); i++) {
            char c = t.text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                count++;
            }
        }
        if (count > MAX_WILDCARD_CHARS) {
            throw new QuerySyntaxException("the wildcard at position " + t.position + " has " + count + " '*' and '?'; the limit is "
                    + MAX_WILDCARD_CHARS + " per word", t.position);
        }
    }

    private QueryNode parseNear(Token near, Scope scope) throws QuerySyntaxException {
        String name = near.type == Type.ONEAR ? "ONEAR" : "NEAR";
        if (scope == Scope.ENTITY) {
            throw new QuerySyntaxException(name + " at position " + near.position + " cannot search entity ids", near.position);
        }
        int distance = near.number < 0 ? DEFAULT_NEAR_DISTANCE : (int) near.number;
        checkDistance(distance, near.position, name + " distance");
        Token open = take(); // the lexer only makes a NEAR token when '(' follows
        enter(near.position);
        List<QueryNode> args = new ArrayList<>();
        args.add(parseNearArgument(name, scope));
        while (peek().type == Type.COMMA) {
            take();
            args.add(parseNearArgument(name, scope));
        }
        depth--;
        expectClose(open, name + "(");
        if (args.size() < 2) {
            throw new QuerySyntaxException(name + " at position " + near.position
                    + " needs at least two arguments separated by commas", near.position);
        }
        return new Near(scope, near.type == Type.ONEAR, distance, args, near.position);
    }

    private QueryNode parseNearArgument(String near, Scope scope) throws QuerySyntaxException {
        if (peek().endsGroup()) {
            throw new QuerySyntaxException("empty " + near + " argument at position " + peek().position, peek().position);
        }
        QueryNode arg = parseOr(scope);
        checkNearArgument(near, scope, arg);
        return arg;
    }

    /** Inside NEAR only positional parts make sense: words, wildcards, phrases, OR-groups and nested NEARs. */
    private static void checkNearArgument(String near, Scope scope, QueryNode node) throws QuerySyntaxException {
        switch (node) {
            case Word w -> checkScope(near, scope, w.scope(), w.position());
            case Exact e -> checkScope(near, scope, e.scope(), e.position());
            case Wildcard w -> checkScope(near, scope, w.scope(), w.position());
            case Phrase p -> checkScope(near, scope, p.scope(), p.position());
            case Near n -> checkScope(near, scope, n.scope(), n.position());
            case Bool b -> {
                for (Clause c : b.clauses()) {
                    if (c.occur() != Occur.SHOULD) {
                        throw new QuerySyntaxException("inside " + near + " only OR is allowed between alternatives; found "
                                + (c.occur() == Occur.MUST ? "AND or +" : "NOT or -") + " at position " + c.node().position()
                                + " (combine NEAR clauses with AND outside instead)", c.node().position());
                    }
                    checkNearArgument(near, scope, c.node());
                }
            }
            case Boost b -> throw new QuerySyntaxException("boosts are not allowed inside " + near + " (position " + b.position() + ")", b.position());
        }
    }

    private static void checkScope(String near, Scope expected, Scope actual, int position) throws QuerySyntaxException {
        if (expected != actual) {
            throw new QuerySyntaxException("all arguments of " + near + " must search one field; found '" + actual.fieldName()
                    + ":' at position " + position + " (write the field once, before " + near + ")", position);
        }
    }

    private static void checkDistance(int distance, int position, String what) throws QuerySyntaxException {
        if (distance < 0 || distance > MAX_DISTANCE) {
            throw new QuerySyntaxException(what + " at position " + position + " must be between 0 and " + MAX_DISTANCE
                    + ", was " + distance, position);
        }
    }

    private void expectClose(Token open, String what) throws QuerySyntaxException {
        Token t = peek();
        if (t.type != Type.RPAREN) {
            String found = t.type == Type.EOF ? "the end of the query" : t.describe() + " at position " + t.position;
            throw new QuerySyntaxException("missing ')' to close " + what + " at position " + open.position + "; found " + found,
                    open.position);
        }
        take();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.type != Type.EOF) {
            next++;
        }
        return t;
    }

    // ---- tokens ----

    enum Type { WORD, QUOTED, FIELD, LPAREN, RPAREN, COMMA, AND, OR, NOT, PLUS, MINUS, TILDE, CARET, NEAR, ONEAR, EOF }

    /**
     * @param text     the word (unescaped, or in Lucene wildcard syntax when {@code wildcard}), phrase or field name
     * @param number   distance of NEAR (-1 when not written), slop after '~', boost after '^'
     */
    record Token(Type type, String text, boolean wildcard, float number, int position) {
        boolean endsGroup() {
            return type == Type.RPAREN || type == Type.COMMA || type == Type.EOF;
        }

        String describe() {
            return switch (type) {
                case WORD -> "word '" + text + "'";
                case QUOTED -> "phrase \"" + text + "\"";
                case FIELD -> "field '" + text + ":'";
                case LPAREN -> "'('";
                case RPAREN -> "')'";
                case COMMA -> "','";
                case TILDE -> "'~'";
                case CARET -> "'^'";
                case PLUS -> "'+'";
                case MINUS -> "'-'";
                case EOF -> "end of query";
                default -> type.name();
            };
        }
    }

    /** Splits a query into tokens. */
    static final class Lexer {
        private static final String SPECIAL = "()\",:~^";
        private final String q;
        private int i;

        Lexer(String q) {
            this.q = q;
        }

        List<Token> tokens() throws QuerySyntaxException {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < q.length() && Character.isWhitespace(q.charAt(i))) {
                    i++;
                }
                if (i >= q.length()) {
                    out.add(new Token(Type.EOF, "", false, 0, q.length()));
                    return out;
                }
                out.add(nextToken());
            }
        }

        private Token nextToken() throws QuerySyntaxException {
            int start = i;
            char c = q.charAt(i);
            switch (c) {
                case '(' -> {
                    i++;
                    return new Token(Type.LPAREN, "(", false, 0, start);
                }
                case ')' -> {
                    i++;
                    return new Token(Type.RPAREN, ")", false, 0, start);
                }
                case ',' -> {
                    i++;
                    return new Token(Type.COMMA, ",", false, 0, start);
                }
                case '"' -> {
                    return quoted();
                }
                case '~' -> {
                    i++;
                    return new Token(Type.TILDE, "~", false, integer(start, "'~'"), start);
                }
                case '^' -> {
                    i++;
                    return new Token(Type.CARET, "^", false, decimal(start), start);
                }
                case ':' -> throw new QuerySyntaxException("':' at position " + start + " has no field name before it", start);
                case '[', ']', '{', '}' -> throw new QuerySyntaxException("range queries ('" + c + "' at position " + start
                        + ") are not supported", start);
                case '+', '-', '!' -> {
                    boolean operand = i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
                    if (c == '!' || operand) {
                        i++;
                        return new Token(c == '+' ? Type.PLUS : c == '-' ? Type.MINUS : Type.NOT, String.valueOf(c), false, 0, start);
                    }
                    throw new QuerySyntaxException("'" + c + "' at position " + start + " must be written directly before a word or group", start);
                }
                case '&', '|' -> {
                    if (i + 1 < q.length() && q.charAt(i + 1) == c) {
                        i += 2;
                        return new Token(c == '&' ? Type.AND : Type.OR, c == '&' ? "&&" : "||", false, 0, start);
                    }
                    return word();
                }
                default -> {
                    return word();
                }
            }
        }

        private Token quoted() throws QuerySyntaxException {
            int start = i++;
            StringBuilder sb = new StringBuilder();
            while (i < q.length() && q.charAt(i) != '"') {
                if (q.charAt(i) == '\\' && i + 1 < q.length()) {
                    i++;
                }
                sb.append(q.charAt(i++));
            }
            if (i >= q.length()) {
                throw new QuerySyntaxException("the quote opened at position " + start + " is never closed", start);
            }
            i++;
            return new Token(Type.QUOTED, sb.toString(), false, 0, start);
        }

        private Token word() throws QuerySyntaxException {
            int start = i;
            StringBuilder text = new StringBuilder();
            StringBuilder pattern = new StringBuilder();
            boolean wildcard = false;
            while (i < q.length()) {
                char c = q.charAt(i);
                if (Character.isWhitespace(c) || SPECIAL.indexOf(c) >= 0) {
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= q.length()) {
                        throw new QuerySyntaxException("the query ends with a lone '\\' at position " + i, i);
                    }
                    char escaped = q.charAt(i + 1);
                    text.append(escaped);
                    pattern.append('\\').append(escaped);
                    i += 2;
                    continue;
                }
                if (c == '*' || c == '?') {
                    wildcard = true;
                }
                text.append(c);
                pattern.append(c);
                i++;
            }
            String raw = q.substring(start, i);
            boolean escapedAny = raw.indexOf('\\') >= 0;
            if (i < q.length() && q.charAt(i) == ':') {
                i++;
                return new Token(Type.FIELD, text.toString(), false, 0, start);
            }
            if (!escapedAny) {
                switch (raw) {
                    case "AND":
                        return new Token(Type.AND, raw, false, 0, start);
                    case "OR":
                        return new Token(Type.OR, raw, false, 0, start);
                    case "NOT":
                        return new Token(Type.NOT, raw, false, 0, start);
                    default:
                        break;
                }
                Token near = near(raw, start);
                if (near != null) {
                    return near;
                }
            }
            return new Token(Type.WORD, wildcard ? pattern.toString() : text.toString(), wildcard, 0, start);
        }

        /** {@code NEAR/5(}, {@code ONEAR/3(} or {@code NEAR(}: the '(' must follow directly. */
        private Token near(String raw, int start) throws QuerySyntaxException {
            boolean ordered = raw.startsWith("ONEAR");
            String name = ordered ? "ONEAR" : "NEAR";
            if (!raw.startsWith(name)) {
                return null;
            }
            String rest = raw.substring(name.length());
            boolean opens = i < q.length() && q.charAt(i) == '(';
            if (rest.isEmpty()) {
                return opens ? new Token(ordered ? Type.ONEAR : Type.NEAR, raw, false, -1, start) : null;
            }
            if (!rest.startsWith("/")) {
                return null;
            }
            String digits = rest.substring(1);
            if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9') || digits.length() > 4) {
                throw new QuerySyntaxException(name + " at position " + start + " must be followed by a distance, as in "
                        + name + "/5(a, b)", start);
            }
            if (!opens) {
                throw new QuerySyntaxException(raw + " at position " + start + " must be followed directly by '(', as in "
                        + raw + "(a, b)", start);
            }
            return new Token(ordered ? Type.ONEAR : Type.NEAR, raw, false, Integer.parseInt(digits), start);
        }

        private int integer(int start, String what) throws QuerySyntaxException {
            int from = i;
            while (i < q.length() && Character.isDigit(q.charAt(i)) && i - from < 4) {
                i++;
            }
            if (i == from) {
                throw new QuerySyntaxException(what + " at position " + start + " must be followed by a number", start);
            }
            return Integer.parseInt(q.substring(from, i));
        }

        private float decimal(int start) throws QuerySyntaxException {
            int from = i;
            while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.') && i - from < 8) {
                i++;
            }
            try {
                float f = Float.parseFloat(q.substring(from, i));
                if (f <= 0 || Float.isInfinite(f)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw new QuerySyntaxException("'^' at position " + start + " must be followed by a positive number", start);
            }
        }
    }
}
