/**
 * The processor: two Kafka Streams applications (exactly_once_v2) that turn articles into explained matches, one
 * story at a time. {@link io.newswatch.processor.NewsTopology} builds the topologies as pure functions
 * ({@code build} is both stages in one, as tests drive them); {@link io.newswatch.processor.ProcessorStreams} runs
 * them as the analysis application ({@code processor.applicationId}, {@code processor.threads} threads) and the
 * ordered application ({@code processor.applicationId + "-ordered"}, one thread).
 *
 * <h2>Building it</h2>
 * {@link io.newswatch.processor.ProcessorFactory} is the one place that builds the processor from {@code Config}:
 * rules (validated), gazetteer, the analysis pipeline, the story settings and the two applications. The service
 * ({@link io.newswatch.processor.ProcessorService}, which publishes the rules and starts the applications in
 * {@code start()}), {@code scan} (the pipeline and an in-memory story assigner), the benchmarks and the tests all
 * use it, so each runs exactly the code and settings of production. Nothing it builds touches Kafka until started;
 * the topics are created beforehand from their specs in {@code Topics}.
 *
 * <h2>Topology</h2>
 * <pre>
 *  newswatch.articles (N partitions)
 *        │
 *        ▼
 *   [analyze]  parse Article ─ bad record ─────────────────────────────────────┐
 *        │     entities (gazetteer), then watch rules (Lucene Monitor)          │
 *        │     a rule failing on this article: logged + counted, others match   │
 *        │     every article, as an AnalysedArticle (rules possibly none)       │
 *        ▼                                                                      │
 *  newswatch.stories (1 partition: one total order of all articles)             │
 *        │                                                                      │
 *        ▼                                                                      │
 *   [decode] ─ bad record ──────────────────────────────────────────────────────┤
 *        ▼                                                                      │
 *   [order]    reorder buffer: by fetch time, then article id (StoryOrder)     │
 *        │     waits processor.reorderGrace; a later article goes on at once    │
 *        ▼                                                                      ▼
 *   [stories]  exact duplicate → dropped (counted)                        newswatch.dlq
 *        │     near duplicate → duplicateOf = earliest copy
 *        │     otherwise      → storyId of the closest open story, or a new story
 *        ▼
 *   [emit]     only articles that fired a rule, keyed by story id
 *        ▼
 *  newswatch.matches
 *
 *  newswatch.rules (compacted) ──► global store "rules" ──► [rules-apply]: register / remove in the live matcher
 * </pre>
 *
 * <h2>Why two stages</h2>
 * Matching is the expensive step and runs in parallel, one task per article partition. Deduplication and story
 * assignment compare each article with everything seen before it, so their result depends on order; they run on a
 * single-partition topic, and a reorder buffer ({@code StoryOrder}) in front of them hands the articles on in the
 * order in which they entered the pipeline: their fetch time ({@code Article.fetchedAt}, set once by ingest and
 * carried in the stories envelope), then article id, whichever analysis task appended them first. So the same
 * articles always yield the same story ids and duplicate decisions, in production and in a replay, which sorts by the
 * same key. The order is not the event time: live articles are published minutes to hours before they are fetched,
 * so a buffer on publication time would find nearly all of them late. The story windows and retention still run on
 * the event time (the record timestamp: publication time, see {@code EventTime}), which every record keeps.
 * An article is late when its fetch time is already behind the buffer's watermark (the latest fetch time seen, or
 * the wall clock, minus the grace) as it arrives: its analysis lagged more than the grace behind the others', its
 * ingest instance's clock is behind, or it was imported with an old fetch time into a running deployment. It is
 * processed at once and counted ({@code newswatch.processor.reorder.late}); only such an article can make a replay
 * differ from production. A replay numbers its articles in the same order, analyses them in parallel, and the
 * buffer hands them on strictly by number ({@code ReplaySequence}). That stage is cheap (hash look-ups and a bounded candidate set
 * per article, and it never parses the article: see {@code StoryInputSerde}), but it is serial, so it runs as its
 * own application with a thread of its own; its throughput bound is documented with the story package.
 *
 * <h2>Stores and their bounds</h2>
 * <ul>
 *   <li>{@code rules} (global, in memory, rebuilt from the compacted rules topic): one entry per rule.</li>
 *   <li>{@code story-order} (persistent, changelogged): the articles waiting in the reorder buffer, about
 *       {@code processor.reorderGrace} worth of them, and the watermark; in a replay, the articles analysed ahead of
 *       their number, and the next number.</li>
 *   <li>The story stage's stores (see {@code io.newswatch.processor.story}): window stores with changelogs whose
 *       retention is {@code processor.storyWindow} (72 h) plus grace; nothing older is kept.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * A record that cannot be deserialised or analysed goes to {@code newswatch.dlq} with its cause, source topic,
 * partition and offset, and the stream continues; a {@code StackOverflowError} in the analysis of one article is
 * treated the same way (it has unwound by the time it is caught, so going on is safe; other {@code Error}s are
 * not caught). An invalid rule in the configured rule files stops start-up with the rule id and position; an
 * invalid rule arriving on the rules topic is rejected (logged, counted as {@code newswatch.processor.rule.updates}
 * with {@code result=rejected}) and the previous version keeps matching. This holds for a poison rule too (one
 * nested thousands deep, with thousands of wildcards or clauses): the compacted topic hands it to every
 * processor again at each start, so it must be rejected, never allowed to stop the global stream thread.
 *
 * <h2>Hot reload</h2>
 * The processor publishes its rule files to {@code newswatch.rules} at start-up; {@code newswatch rules publish DIR}
 * publishes edits. Every instance applies them to its running matcher without a restart, and every match records
 * the version (content hash) of the rule that fired.
 */
package io.newswatch.processor;
