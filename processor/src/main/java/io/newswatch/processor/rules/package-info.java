/**
 * Watch rules: what a desk watches for, and the matcher that finds it in every article.
 *
 * <h2>Register, then match</h2>
 *
 * <p>A {@link io.newswatch.processor.rules.WatchRule} is an immutable value that keeps its query as written.
 * A {@link io.newswatch.processor.rules.RuleMatcher} compiles rules once and matches each article against
 * all of them:
 *
 * <pre>{@code
 * try (RuleMatcher matcher = new LuceneRuleMatcher()) {
 *     matcher.register(RuleFiles.loadDefault());            // or RuleFiles.load(Path.of("rules"))
 *     MatchOutcome outcome = matcher.match(new MatchInput(id, title, text, "es", entities));
 *     for (RuleHit hit : outcome.hits()) { ... hit.snippets() ... }
 *     outcome.errors().forEach((ruleId, reason) -> log.warn("rule {} failed: {}", ruleId, reason));
 * }
 * }</pre>
 *
 * <p>{@link io.newswatch.processor.rules.LuceneRuleMatcher#register register} is all-or-nothing and replaces
 * rules with the same id; it and {@code remove} may run while other threads match (hot reload from the
 * rules topic). A bad rule is refused with an {@link io.newswatch.processor.rules.InvalidRuleException}
 * naming its id and the position of the error in its query. A rule that fails on one article is reported in
 * {@link io.newswatch.processor.rules.MatchOutcome#errors()} under its id, and the other rules' hits still
 * come back. Each {@link io.newswatch.model.RuleHit} carries the version of the rule that produced it.
 *
 * <h2>Rule files</h2>
 *
 * <p>{@link io.newswatch.processor.rules.RuleFiles} reads YAML ({@code rules:} then a list of rules with
 * {@code id}, {@code query}, {@code title}, {@code description}, {@code languages}, {@code severity},
 * {@code tags}, {@code shadow} (its alerts are stored and shown on the desk, but notify no channel; the flag travels
 * on every {@code RuleHit} and {@code Alert}); {@code #} comments; {@code |} blocks for long queries) from a file or a directory, and
 * {@link io.newswatch.processor.rules.RuleFiles#validate validate} compiles them. Both report every problem
 * at once with {@code file:line:column}: unknown or repeated keys, ids used twice, bad values, and query
 * errors at the line and column of the faulty word. Files go through the shared
 * {@link io.newswatch.yaml.YamlReader}, so its bounds (4 MiB a file, 64 Ki characters a value, ...) and its
 * refusals (aliases, merge keys, a second document) apply, each one problem of its file. The default pack ships on the classpath under
 * {@code /rules/default/} (listed in {@code index.txt}): {@code drone-training}, {@code cartel-recruitment} (the
 * desk's whole topic), {@code cartel-military-recruitment} (its military-skills part), {@code cartel-drone-attacks},
 * {@code drone-smuggling}, {@code foreign-fighters} and {@code counter-drone}, each for all five languages. The
 * desk's definitions of {@code drone-training} and {@code cartel-recruitment}, with what they exclude, are in
 * {@code eval/corpus/README.md}; {@code newswatch eval --labels} measures the pack on that corpus.
 *
 * <h2>The query language</h2>
 *
 * <p>Lucene's classic syntax, with proximity operators and a clearer precedence.
 *
 * <table class="striped">
 *   <caption>Query syntax</caption>
 *   <tr><th>Write</th><th>Matches</th></tr>
 *   <tr><td>{@code drone}</td><td>the word in any inflection of the article's language ({@code drones},
 *       {@code dron}, {@code дронами}), any case, with or without accents</td></tr>
 *   <tr><td>{@code "drone training"}</td><td>the words next to each other, in order (each inflected)</td></tr>
 *   <tr><td>{@code "drone training"~5}</td><td>the words in order with up to 5 moves between them
 *       (Lucene's sloppy phrase)</td></tr>
 *   <tr><td>{@code recruit*}, {@code dr?ne}</td><td>wildcards, matched against the words as written
 *       (folded but not stemmed): {@code recruit*} finds "recruiters", "recruitment". A wildcard must start
 *       with two letters</td></tr>
 *   <tr><td>{@code =attacked}</td><td>the word exactly as written (folded, not stemmed): {@code =attacked}
 *       does not find "attack". May also find a word whose stem is spelled the same</td></tr>
 *   <tr><td>{@code title:drone}, {@code title:(a OR b)}</td><td>in the title only; {@code text:} (the
 *       default) searches title and text</td></tr>
 *   <tr><td>{@code entity:cjng}</td><td>an article whose extracted entities
 *       ({@link io.newswatch.processor.rules.MatchInput#entities()}) include this id (any case)</td></tr>
 *   <tr><td>{@code a AND b}, {@code a && b}</td><td>both</td></tr>
 *   <tr><td>{@code a OR b}, {@code a || b}, {@code a b}</td><td>either (no operator means OR, as in
 *       Lucene)</td></tr>
 *   <tr><td>{@code a AND NOT b}, {@code a AND !b}, {@code a -b}</td><td>a without b</td></tr>
 *   <tr><td>{@code +a b}</td><td>a required, b optional (Lucene's prefix operators)</td></tr>
 *   <tr><td>{@code NEAR/5(a, b, c)}</td><td>all arguments, in any order, with at most 5 other words between
 *       them in total; {@code NEAR(a, b)} means {@code NEAR/10}</td></tr>
 *   <tr><td>{@code ONEAR/3(a, b)}</td><td>the same, in this order</td></tr>
 *   <tr><td>{@code (a OR b) AND c}</td><td>grouping</td></tr>
 *   <tr><td>{@code drone^2}</td><td>boost (kept for compatibility; scores count matched words, see
 *       below)</td></tr>
 * </table>
 *
 * <p><b>Precedence</b>, loosest first: OR (and juxtaposition) &lt; AND &lt; NOT, {@code +}, {@code -}. So
 * {@code a OR b AND c} is {@code a OR (b AND c)}, as in SQL; Lucene's classic parser would read it
 * differently. A query must say what to find: {@code NOT show} alone is refused (inside a group,
 * {@code (NOT b)} means "anything but b"). {@code AND}, {@code OR}, {@code NOT}, {@code NEAR},
 * {@code ONEAR} are operators only in capitals.
 *
 * <p><b>NEAR and ONEAR</b> take two or more arguments separated by commas. An argument is a word, a
 * wildcard, an exact word, a phrase, an OR-group of those, or another NEAR/ONEAR, so concept groups can be
 * combined: {@code NEAR/8((dron* OR fpv), (train* OR instruct*))}. The field goes before the operator
 * ({@code title:NEAR/3(a, b)}). Distances are 0 to 50; the title and the text are 100 positions apart, so
 * neither a phrase nor a NEAR ever spans the end of the headline. They are Lucene interval queries
 * ({@code MAXGAPS} over {@code UNORDERED} or {@code ORDERED}) and highlight each matched word. Alternatives
 * inside NEAR are not expanded into one copy of the NEAR per combination (Lucene's disjunction rewrite,
 * which turns desk-sized word groups into tens of thousands of clauses); the price is that a NEAR may
 * miss a match when one alternative is a longer phrase that overlaps a shorter one. A wildcard inside NEAR
 * may stand for at most 1,024
 * different words of one article; beyond that the rule fails for that article and is reported.
 *
 * <p><b>Languages.</b> A rule applies to the languages it lists, or to all five (en, es, pt, uk, ru) when it
 * lists none; its query is compiled once per language, with that language's analysis, and the parts are
 * OR'ed: one entry of the monitor, whose parts for other languages than the article's are never run
 * ({@code PerLanguageQuery}). So one rule can mix {@code training}, {@code entrenamiento} and {@code навчання}: each word finds its
 * inflections in its language, and words of the other languages are simply absent there. Articles are
 * analysed in their own language only; an article without a supported language is analysed in the
 * languages of its script (Latin: en, es, pt; Cyrillic: uk, ru), or all five. See
 * {@link io.newswatch.processor.analysis} for the analysis chains.
 *
 * <p><b>Limits.</b> Checked by the parser before any Lucene structure is built, each refusal naming the rule
 * id and the position: at most 100,000 characters; groups, NEAR arguments and NOT chains nested at most 32 deep
 * (the parser, the compiler and Lucene recurse over the tree); at most 1,024 clauses in one group or one chain
 * of AND; at most 2,048 words, phrases and wildcards; at most 8 {@code *} and {@code ?} in one wildcard (each
 * is a loop of its automaton). Once compiled, a query may expand to at most 2,048 clauses per language
 * (checked when the rule is compiled, not when it first matches; the matcher raises Lucene's global limit to
 * five times that, as an article of unknown language runs several languages' parts at once), and a wildcard whose
 * automaton would be too large to determinize is refused with its position. Anything else thrown while
 * compiling, a stack overflow included, becomes the rule's {@code InvalidRuleException}: a rule arriving on
 * the rules topic can be rejected, never take down the thread that applies it.
 *
 * <h2>How matching works</h2>
 *
 * <p>{@link io.newswatch.processor.rules.LuceneRuleMatcher} wraps Lucene's {@code Monitor}. Each article is
 * indexed in memory (fields in {@code ArticleFields}: per language, title and text with stems and written
 * forms, the title alone, entity ids, languages). The presearcher then picks the rules whose words occur in
 * the article; only those are run. Lucene cannot index a wildcard, so a rule made only of wildcards would
 * run on every article: {@code WildcardPresearch} indexes the literal prefixes instead and adds, for each
 * article word, the registered prefixes it starts with. The default presearcher makes two passes
 * ({@code MultipassTermFilteredPresearcher}): a rule is a candidate only if the article has a word of two
 * different branches of each of its ANDs, which on realistic desk rules leaves about two candidates per true
 * hit (Lucene's one-pass default: 70-80); tests check that it returns exactly the hits of running every rule,
 * on generated rules of every shape.
 *
 * <p><b>Memory.</b> The monitor holds each rule as its text ({@code OnDemandQuery}); the Lucene queries of the
 * 20,000 rules run most recently stay compiled in a bounded cache, the others are compiled again when an
 * article makes them a candidate. A wildcard's automaton is compiled once per field and pattern and shared by
 * every rule using it ({@code SharedWildcards}). A registration compiles every rule first (all or nothing),
 * then hands them to the monitor 2,000 at a time. Figures per rule count are in docs/benchmarks.md.
 *
 * <p><b>Hits.</b> The score of a hit is the number of distinct matched word occurrences, those in the title
 * counting twice: comparable only within one rule. Snippets are the sentences (ICU sentence boundaries)
 * holding matched words, at most three, those with most matched words first, returned in reading order,
 * each with the offsets of the sentence and of each matched word in the title or the text; a sentence over
 * 400 characters is cut around its first matched word. Only the first 1,000 sentences with matched words are
 * considered per rule, ranked in one pass with a bounded heap: the work per article is linear in its size
 * (about 0.2 s per MB of text whose every sentence matches, see {@code ArticleSizeScalingTest}). A rule whose
 * explanation fails on an article is reported in {@code errors()} like a rule that fails to match.
 *
 * <h2>Figures</h2>
 *
 * <p>{@code RuleMatcherBenchmark} (tools module) measures documents per second, CPU, candidates and true hits
 * per article, heap per rule and reload time against Lucene Monitor's defaults, for realistic desk rules from
 * {@code RuleGenerator} (tools module) on a news stream from {@code SyntheticArticles} (tools module), and
 * prints how selective the rule set is (both generators deterministic and reusable). The default
 * pack's precision and recall on invented articles in five languages are printed by
 * {@code RulePackEvaluationTest}; {@code SeedRulesIT} checks the reference articles.
 */
package io.newswatch.processor.rules;
