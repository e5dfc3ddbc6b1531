/**
 * The ingest service ({@link io.newswatch.ingest.IngestService}): polls feeds, fetches and cleans article pages,
 * and publishes articles to {@code newswatch.articles}. Its parts sit behind small seams so that each can be tested
 * alone: {@code feed} (parsing, feed lists, OPML), {@code fetch} (polite, guarded HTTP), {@code extract} (main-content
 * extraction), {@code poll} (per-feed state, scheduling and ownership) and {@code files} (local article files).
 */
package io.newswatch.ingest;
