/**
 * Local article files ({@code .txt}, {@code .html}, {@code .json}) for {@code scan} and {@code ingest --from-dir},
 * read through the same extractor as fetched pages.
 */
package io.newswatch.ingest.files;
