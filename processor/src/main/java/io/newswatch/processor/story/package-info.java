/**
 * Stories: one alert per story, not per copy. Every article gets a story id; copies are recognised on the way.
 *
 * <h2>Decision</h2>
 * {@link io.newswatch.processor.story.StoryAssigner#assign} decides, first match wins:
 * <ol>
 *   <li>same article id (canonical URL) in the window → {@code EXACT_DUPLICATE} (dropped by the stream);</li>
 *   <li>same folded text → {@code EXACT_DUPLICATE} of the first article with it;</li>
 *   <li>near copy (MinHash Jaccard ≥ 0.7), or republished copy (identical paragraphs holding ≥ 0.6 of the shorter
 *       text's paragraph words, at least two of them: a wire story under a new headline and lede), see the
 *       {@code dedup} package → {@code NEAR_DUPLICATE}, in the original's story, {@code duplicateOf} = the earliest
 *       article of the copy chain;</li>
 *   <li>same story ({@link io.newswatch.processor.story.StoryClusterer}: 0.6 × weighted entity Jaccard + 0.4 ×
 *       TF-IDF cosine ≥ 0.33 against an article within 72 h, <em>and</em> evidence of the same event: cosine ≥ 0.3
 *       or a shared figure that is not a year; a shared cartel, state or country alone never joins) →
 *       {@code STORY_UPDATE};</li>
 *   <li>otherwise {@code NEW_STORY}, whose story id is the article's own id.</li>
 * </ol>
 * Story ids are therefore ids of real articles (the one that opened the story), and every decision is a
 * function of the sequence of inputs and their event times: a replay from an empty state reproduces production.
 * Every threshold is configuration ({@code processor.story.*}, {@link io.newswatch.processor.story.StoryConfig}).
 * The story stage errs towards keeping events apart: with one alert per (story, rule), a false join swallows the
 * alert of a new event, while a missed join costs one extra alert. {@code newswatch eval --labels} reports both
 * kinds of error on a labelled folder ({@code eval/corpus}).
 * For that the stage must see all articles in one order: one task, one partition. The window slides: a story
 * continues while each new article is within 72 h of an earlier one of it; 73 h of silence opens a new story.
 *
 * <h2>Stream stage</h2>
 * {@link io.newswatch.processor.story.StoryProcessor} wraps the assigner for Kafka Streams. Input:
 * {@link io.newswatch.processor.story.StoryInput} records (the article id, its entities and
 * {@link io.newswatch.processor.story.StoryFeatures}, computed upstream in parallel, and the match as JSON;
 * {@link io.newswatch.processor.story.StoryInputSerde}), key = article id, timestamp = event time. Output:
 * {@link io.newswatch.processor.story.AssignedMatch}es, the match JSON with {@code storyId} and
 * {@code duplicateOf} set, key = story id; exact duplicates are reported to an
 * {@link io.newswatch.processor.story.AssignmentListener} and dropped. Wiring:
 * <pre>{@code
 * StoryConfig settings = StoryConfig.defaults();
 * topology.addProcessor("stories", () -> new StoryProcessor(settings, listener), parent);
 * for (StoreBuilder<?> b : StoryProcessor.storeBuilders(settings)) {
 *     topology.addStateStore(b, "stories");
 * }
 * }</pre>
 *
 * <h2>State, retention and bounds</h2>
 * All state sits behind {@link io.newswatch.processor.story.StoryState}, in memory for the offline scan and
 * tests ({@link io.newswatch.processor.story.StoryAssigner#inMemory}); in the stream, one changelogged RocksDB
 * store is the state of record and the posting lists are an index on the heap derived from it:
 * <ul>
 *   <li>{@code story-articles}, a window store keyed by article id (window start = event time), about 2 KB per
 *       article (decision, fingerprint, 128-value signature, paragraph hashes, entity and term weights), retained for window +
 *       grace (72 h + 12 h) behind the stream time; segments expire whole, so up to 42 h more may linger;</li>
 *   <li>posting lists (LSH bucket, paragraph, fingerprint, entity and term → articles), each capped at the newest 64
 *       entries, about a hundred entries per article, lists that left the retention swept by a stream-time
 *       punctuation every 7 h; rebuilt from {@code story-articles} when a task opens, so they cost no changelog
 *       and restore exactly (lists are ordered by event time then id, whatever the order of insertion).</li>
 * </ul>
 * Every read names its time range, so expiry timing never changes an answer. An article arriving later than the
 * grace behind the stream time is still assigned, but may see only part of its window.
 *
 * <h2>Cost</h2>
 * Text features (fingerprint, MinHash signature, terms) are computed in the parallel analyse stage. The ordered
 * stage does about a hundred in-memory posting-list reads, up to 32 candidate reads from the store and one store
 * write per article; {@code newswatch bench processor} prints the figures. Under {@code exactly_once_v2} replays
 * are exact; under at-least-once, a record reprocessed after a crash is recognised as itself (same id, event time
 * and fingerprint) and forwarded again with its first assignment.
 */
package io.newswatch.processor.story;
