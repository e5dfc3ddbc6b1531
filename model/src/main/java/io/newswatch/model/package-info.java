/**
 * The records that travel on newswatch's topics: {@link io.newswatch.model.Article} (cleaned article),
 * {@link io.newswatch.model.Match} (an article with the rules it fired, its entities, duplicate and story),
 * {@link io.newswatch.model.Alert}, {@link io.newswatch.model.DeadLetter}, {@link io.newswatch.model.FeedHealth}
 * and {@link io.newswatch.model.WatchRuleRecord}.
 *
 * <p>Every record is immutable, validates its arguments in its compact constructor, copies its lists, and carries
 * a {@code schemaVersion}. Ids are deterministic: {@link io.newswatch.model.ArticleId} hashes the
 * {@link io.newswatch.model.CanonicalUrl canonical URL}, alert ids hash story and rule, so a replay of the same
 * input produces the same ids. {@code docs/topics.md} shows an example of each record on its topic.
 */
package io.newswatch.model;
