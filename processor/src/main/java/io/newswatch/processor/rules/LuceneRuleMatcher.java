package io.newswatch.processor.rules;

import io.newswatch.model.RuleHit;
import io.newswatch.processor.analysis.Language;
import io.newswatch.processor.rules.RuleCompiler.CompiledRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A {@link RuleMatcher} on Lucene's {@link Monitor}: rules are compiled once into Lucene queries (see the
 * package documentation for the language and the analysis), indexed by their words so each article only
 * runs the rules it could match, and every hit is explained with snippets.
 *
 * <p>Thread-safe. {@link #match} may run on any number of threads while {@link #register} and {@link
 * #remove} run on another; a match that overlaps a change sees, rule by rule, the old or the new set. Each
 * hit carries the version of the rule that produced it. Rules are held in memory only.
 *
 * <p>A rule that fails on one article (for instance a wildcard inside NEAR that would stand for more than
 * 1,024 words) is reported in {@link MatchOutcome#errors()} under
 * its id; the other rules' hits still come back.
 */
public final class LuceneRuleMatcher implements RuleMatcher {

    static {
        // A rule's languages may each have up to MAX_CLAUSES_PER_LANGUAGE clauses, and an article of unknown language
        // runs the parts of several languages as one query: Lucene's global limit (1,024 by default) must cover them.
        int needed = QueryCompiler.MAX_CLAUSES_PER_LANGUAGE * Language.values().length;
        if (IndexSearcher.getMaxClauseCount() < needed) {
            IndexSearcher.setMaxClauseCount(needed);
        }
    }

    /** How the monitor picks the rules to run for an article; see {@code RuleMatcherBenchmark} in the tools module. */
    public enum Presearch {
        /** One pass over the article's words (Lucene's default presearcher, with {@link WildcardPresearch}). */
        TERM_FILTERED,
        /** Several passes, each with another word of each rule's conjunctions: fewer rules run, more to index. */
        MULTIPASS,
        /** Every rule on every article: the reference the others are tested against. */
        NONE,
        /**
         * Lucene Monitor as it comes: its default presearcher (one pass, terms weighted by length, no wildcard
         * prefixes, so a rule whose required words are all wildcards runs on every article) and its default
         * decomposition (one entry per language part and per top-level OR). The benchmarks' yardstick; not for
         * production.
         */
        LUCENE_DEFAULT
    }

    private final Monitor monitor;
    /** The writer of the monitor's rule index (null for {@link Presearch#LUCENE_DEFAULT}, which stays as it comes). */
    private final WriterKeepingConfiguration queryIndex;
    private final WildcardPresearch wildcards = new WildcardPresearch();
    /** Rule id → the registered version; replaced as a whole per rule. */
    private final ConcurrentSkipListMap<String, CompiledRule> byId = new ConcurrentSkipListMap<>();
    /** Monitor id (rule id and version) → rule, for the versions the monitor may still report. */
    private final ConcurrentHashMap<String, CompiledRule> byMonitorId = new ConcurrentHashMap<>();
    private final boolean splitLanguages;
    /** Compiled queries of the rules run most recently; see {@link OnDemandQuery}. */
    private final OnDemandQuery.Cache compiledQueries;

    /**
     * Rules kept compiled, by default: more than a service runs often, so at 10,000 rules all stay compiled; at
     * 100,000 the rules on rarely seen names are compiled again when an article makes them a candidate.
     */
    public static final int DEFAULT_COMPILED_RULES = 20_000;
    private final Object writeLock = new Object();
    /** Rule parts run after presearch, over all matches so far: how well the presearcher filters (benchmark). */
    private final LongAdder queriesRun = new LongAdder();
    private final LongAdder presearchNanos = new LongAdder();
    private final LongAdder monitorNanos = new LongAdder();

    /**
     * An in-memory matcher with no rules, presearching in two passes ({@link MultipassTermFilteredPresearcher}):
     * on generated desk rules it runs a third as many rules per article as the single-pass presearcher and
     * matches faster overall (see {@code RuleMatcherBenchmark} in the tools module).
     */
    public LuceneRuleMatcher() {
        this(Presearch.MULTIPASS);
    }

    public LuceneRuleMatcher(Presearch presearch) {
        this(presearch, DEFAULT_COMPILED_RULES);
    }

    /**
     * @param compiledRules how many rules' Lucene queries to keep compiled (the most recently run); the others are
     *                      compiled again when an article makes them a candidate (ignored for {@link Presearch#LUCENE_DEFAULT},
     *                      which keeps all, as Lucene Monitor does)
     * @throws IllegalArgumentException if {@code compiledRules} is below 1
     */
    public LuceneRuleMatcher(Presearch presearch, int compiledRules) {
        Objects.requireNonNull(presearch, "presearch");
        this.compiledQueries = new OnDemandQuery.Cache(compiledRules);
        Presearcher presearcher = switch (presearch) {
            case TERM_FILTERED -> new TermFilteredPresearcher(TermWeightor.DEFAULT, List.of(wildcards), Set.of());
            case MULTIPASS -> new MultipassTermFilteredPresearcher(2, 0f, TermWeightor.DEFAULT, List.of(wildcards), Set.of());
            case NONE -> Presearcher.NO_FILTERING;
            case LUCENE_DEFAULT -> new TermFilteredPresearcher();
        };
        splitLanguages = presearch == Presearch.LUCENE_DEFAULT;
        MonitorConfiguration configuration;
        if (splitLanguages) {
            configuration = new MonitorConfiguration();
            this.queryIndex = null;
        } else {
            WriterKeepingConfiguration keeping = new WriterKeepingConfiguration();
            keeping.setQueryDecomposer(WHOLE_RULES);
            configuration = keeping;
            this.queryIndex = keeping;
        }
        try {
            this.monitor = new Monitor(ArticleFields.analyzer(), presearcher, configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the in-memory rule index", e);
        }
    }

    /** Keeps the index writer of the monitor's rule index, so that its segments can be merged. */
    private static final class WriterKeepingConfiguration extends MonitorConfiguration {
        private IndexWriter writer;

        @Override
        public IndexWriter buildIndexWriter() throws IOException {
            IndexWriter w = super.buildIndexWriter();
            writer = w;
            return w;
        }
    }

    /**
     * Keeps each rule one entry of the monitor. Lucene's decomposer splits a rule at its top-level ORs, which
     * here are first of all its languages: 2.6 entries per generated rule, each with its own cached query, and an
     * article of one language never needs the others' parts, which fail at once on its empty fields. The
     * presearcher reads the whole tree, so an OR still indexes each of its branches.
     */
    private static final QueryDecomposer WHOLE_RULES = new QueryDecomposer() {
        @Override
        public Set<Query> decompose(Query q) {
            return Set.of(q);
        }
    };

    /**
     * Compiles a rule without registering it.
     *
     * @throws InvalidRuleException naming the rule and the position of the error in its query
     */
    static void check(WatchRule rule) throws InvalidRuleException {
        RuleCompiler.compile(Objects.requireNonNull(rule, "rule"));
    }

    @Override
    public void register(Collection<WatchRule> rules) throws InvalidRuleException {
        Objects.requireNonNull(rules, "rules");
        // Every rule compiles before any is registered (all-or-nothing); a large registration keeps only the
        // compiled queries the cache can hold, and the monitor takes the rules in chunks, so registering 100,000
        // rules never holds 100,000 compiled queries or index documents at once.
        boolean keepQueries = splitLanguages || rules.size() <= REGISTER_CHUNK;
        Map<String, CompiledRule> compiled = new LinkedHashMap<>();
        for (WatchRule rule : rules) {
            Objects.requireNonNull(rule, "rules must not contain null");
            if (compiled.containsKey(rule.id())) {
                throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "' appears twice in one registration", null);
            }
            CompiledRule c = RuleCompiler.compile(rule, !splitLanguages);
            compiled.put(rule.id(), keepQueries ? c : c.withoutQuery());
        }
        if (compiled.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            List<CompiledRule> all = new ArrayList<>(compiled.values());
            for (int from = 0; from < all.size(); from += REGISTER_CHUNK) {
                registerChunk(all.subList(from, Math.min(all.size(), from + REGISTER_CHUNK)));
            }
            if (all.size() > REGISTER_CHUNK) {
                mergeQueryIndex();
            }
        }
    }

    /**
     * Merges the rule index into one segment after a registration in several chunks. Each chunk is a commit of
     * the monitor, and so a segment of its own, and the presearch query runs once per segment (term lookups,
     * scorers, doc values): at 10,000 rules (five segments) that cost 12 % of the time an article spends in
     * matching. Merging 10,000 rules takes under a second, once per large registration; the single-rule
     * updates of a hot reload leave their small segments to Lucene's merge policy.
     */
    private void mergeQueryIndex() {
        if (queryIndex == null || queryIndex.writer == null) {
            return;
        }
        try {
            queryIndex.writer.forceMerge(1);
            monitor.register(List.of()); // an empty commit: the monitor's searcher then reads the merged segment
        } catch (IOException e) {
            throw new UncheckedIOException("merging the in-memory rule index", e);
        }
    }

    /** Rules handed to the monitor at once: each hand-over builds their presearch documents together. */
    private static final int REGISTER_CHUNK = 2_000;

    private void registerChunk(List<CompiledRule> chunk) {
        List<MonitorQuery> queries = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (CompiledRule c : chunk) {
            wildcards.addPrefixes(c.prefixes());
            Query query;
            if (splitLanguages) {
                query = c.disjunction();
            } else {
                if (c.query() != null) {
                    compiledQueries.put(c.monitorId(), c.query());
                }
                query = new OnDemandQuery(c.monitorId(), c.rule(), compiledQueries);
            }
            queries.add(new MonitorQuery(c.monitorId(), query, c.rule().query(), Map.of()));
            CompiledRule old = byId.get(c.rule().id());
            if (old != null && !old.monitorId().equals(c.monitorId())) {
                replaced.add(old.monitorId());
            }
        }
        try {
            // The new versions go in before the old ones go out, so a rule never disappears mid-replacement.
            List<CompiledRule> held = new ArrayList<>(chunk.size());
            for (CompiledRule c : chunk) {
                held.add(c.withoutQuery().withoutPrefixes()); // the monitor's entry builds the query again when needed
            }
            for (CompiledRule c : held) {
                byMonitorId.put(c.monitorId(), c);
            }
            monitor.register(queries);
            for (CompiledRule c : held) {
                byId.put(c.rule().id(), c);
            }
            if (!replaced.isEmpty()) {
                monitor.deleteById(replaced);
                replaced.forEach(byMonitorId::remove);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("updating the in-memory rule index", e);
        }
    }

    @Override
    public void remove(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        synchronized (writeLock) {
            CompiledRule old = byId.remove(ruleId);
            if (old == null) {
                return;
            }
            try {
                monitor.deleteById(old.monitorId());
            } catch (IOException e) {
                throw new UncheckedIOException("updating the in-memory rule index", e);
            }
            byMonitorId.remove(old.monitorId());
        }
    }

    @Override
    public Collection<WatchRule> rules() {
        List<WatchRule> out = new ArrayList<>(byId.size());
        for (CompiledRule c : byId.values()) {
            out.add(c.rule());
        }
        return List.copyOf(out);
    }

    /**
     * Matches one article. Does not modify the input.
     *
     * @throws NullPointerException if {@code input} is null
     */
    @Override
    public MatchOutcome match(MatchInput input) {
        Objects.requireNonNull(input, "input");
        Document doc = ArticleFields.document(input);
        MatchingQueries<HighlightsMatch> result;
        long start = System.nanoTime();
        try {
            result = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + input.id() + " in memory", e);
        }
        queriesRun.add(result.getQueriesRun());
        presearchNanos.add(result.getQueryBuildTime());
        monitorNanos.add(System.nanoTime() - start);
        Map<String, RuleHit> hits = new TreeMap<>();
        SnippetBuilder.Sentences sentences = new SnippetBuilder.Sentences(input);
        Map<String, String> explainErrors = new HashMap<>();
        for (HighlightsMatch m : result.getMatches()) {
            CompiledRule compiled = byMonitorId.get(m.getQueryId());
            if (compiled == null) {
                continue; // removed while this article was matched
            }
            WatchRule rule = compiled.rule();
            SnippetBuilder.Explanation e;
            try {
                e = SnippetBuilder.explain(input, sentences, m.getHits());
            } catch (RuntimeException | StackOverflowError failure) {
                // one rule's explanation failing must not cost the article its other rules' hits
                explainErrors.put(rule.id(), "explaining the hit failed: " + describe(failure));
                continue;
            }
            RuleHit hit = new RuleHit(rule.id(), compiled.version(), e.score(), rule.severity(), e.snippets(), rule.shadow());
            // During a replacement both versions may match: keep the newer one.
            CompiledRule current = byId.get(rule.id());
            if (!hits.containsKey(rule.id()) || current == compiled) {
                hits.put(rule.id(), hit);
            }
        }
        Map<String, String> errors = new HashMap<>(explainErrors);
        for (Map.Entry<String, Exception> e : result.getErrors().entrySet()) {
            errors.put(CompiledRule.ruleId(e.getKey()), describe(e.getValue()));
        }
        List<RuleHit> ordered = new ArrayList<>(hits.values());
        ordered.sort(Comparator.comparing(RuleHit::id));
        return new MatchOutcome(ordered, errors);
    }

    /**
     * Monitor entries run after presearch (the candidates), summed over every article matched: one per rule,
     * except with {@link Presearch#LUCENE_DEFAULT}, whose entries are the rules' language parts and top-level ORs.
     */
    public long queriesRun() {
        return queriesRun.sum();
    }

    /** Time spent building the presearch query of each article (the monitor's query build time), summed, in ns. */
    public long presearchNanos() {
        return presearchNanos.sum();
    }

    /**
     * Time spent in the monitor for each article, summed, in ns: indexing the article in memory, presearch (see
     * {@link #presearchNanos}), and running the candidates with their highlights; not the snippets.
     */
    public long monitorNanos() {
        return monitorNanos.sum();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Frees the rule index. Idempotent; matching after close fails. */
    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the in-memory rule index", e);
        }
    }
}
