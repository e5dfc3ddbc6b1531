package io.newswatch.processor.rules;

import io.newswatch.model.RuleHit;
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
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;

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

    /** How the monitor picks the rules to run for an article; see {@code RuleMatcherBenchmark} in the tools module. */
    public enum Presearch {
        /** One pass over the article's words (Lucene's default presearcher, with {@link WildcardPresearch}). */
        TERM_FILTERED,
        /** Several passes, each with another word of each rule's conjunctions: fewer rules run, more to index. */
        MULTIPASS,
        /** Every rule on every article: the reference the others are tested against. */
        NONE
    }

    private final Monitor monitor;
    private final WildcardPresearch wildcards = new WildcardPresearch();
    /** Rule id → the registered version; replaced as a whole per rule. */
    private final ConcurrentSkipListMap<String, CompiledRule> byId = new ConcurrentSkipListMap<>();
    /** Monitor id (rule id and version) → rule, for the versions the monitor may still report. */
    private final ConcurrentHashMap<String, WatchRule> byMonitorId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    /** Rule parts run after presearch, over all matches so far: how well the presearcher filters (benchmark). */
    private final LongAdder queriesRun = new LongAdder();

    /**
     * An in-memory matcher with no rules, presearching in two passes ({@link MultipassTermFilteredPresearcher}):
     * on generated desk rules it runs a third as many rules per article as the single-pass presearcher and
     * matches faster overall (see {@code RuleMatcherBenchmark} in the tools module).
     */
    public LuceneRuleMatcher() {
        this(Presearch.MULTIPASS);
    }

    public LuceneRuleMatcher(Presearch presearch) {
        Objects.requireNonNull(presearch, "presearch");
        Presearcher presearcher = switch (presearch) {
            case TERM_FILTERED -> new TermFilteredPresearcher(TermWeightor.DEFAULT, List.of(wildcards), Set.of());
            case MULTIPASS -> new MultipassTermFilteredPresearcher(2, 0f, TermWeightor.DEFAULT, List.of(wildcards), Set.of());
            case NONE -> Presearcher.NO_FILTERING;
        };
        try {
            this.monitor = new Monitor(ArticleFields.analyzer(), presearcher);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the in-memory rule index", e);
        }
    }

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
        Map<String, CompiledRule> compiled = new LinkedHashMap<>();
        for (WatchRule rule : rules) {
            Objects.requireNonNull(rule, "rules must not contain null");
            if (compiled.containsKey(rule.id())) {
                throw new InvalidRuleException(rule.id(), "rule '" + rule.id() + "' appears twice in one registration", null);
            }
            compiled.put(rule.id(), RuleCompiler.compile(rule));
        }
        if (compiled.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            List<MonitorQuery> queries = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (CompiledRule c : compiled.values()) {
                wildcards.addPrefixes(c.prefixes());
                queries.add(new MonitorQuery(c.monitorId(), c.query(), c.rule().query(), Map.of()));
                CompiledRule old = byId.get(c.rule().id());
                if (old != null && !old.monitorId().equals(c.monitorId())) {
                    replaced.add(old.monitorId());
                }
            }
            try {
                // The new versions go in before the old ones go out, so a rule never disappears mid-replacement.
                for (CompiledRule c : compiled.values()) {
                    byMonitorId.put(c.monitorId(), c.rule());
                }
                monitor.register(queries);
                for (CompiledRule c : compiled.values()) {
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
        try {
            result = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + input.id() + " in memory", e);
        }
        queriesRun.add(result.getQueriesRun());
        Map<String, RuleHit> hits = new TreeMap<>();
        SnippetBuilder.Sentences sentences = new SnippetBuilder.Sentences(input);
        Map<String, String> explainErrors = new HashMap<>();
        for (HighlightsMatch m : result.getMatches()) {
            WatchRule rule = byMonitorId.get(m.getQueryId());
            if (rule == null) {
                continue; // removed while this article was matched
            }
            SnippetBuilder.Explanation e;
            try {
                e = SnippetBuilder.explain(input, sentences, m.getHits());
            } catch (RuntimeException | StackOverflowError failure) {
                // one rule's explanation failing must not cost the article its other rules' hits
                explainErrors.put(rule.id(), "explaining the hit failed: " + describe(failure));
                continue;
            }
            RuleHit hit = new RuleHit(rule.id(), rule.version(), e.score(), rule.severity(), e.snippets(), rule.shadow());
            // During a replacement both versions may match: keep the newer one.
            CompiledRule current = byId.get(rule.id());
            if (!hits.containsKey(rule.id()) || current != null && current.rule().equals(rule)) {
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

    /** Rule parts (a rule has one per language) run after presearch, summed over every article matched. */
    public long queriesRun() {
        return queriesRun.sum();
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
