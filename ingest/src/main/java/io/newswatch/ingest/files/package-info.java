/**
 * Local article files ({@code .txt}, {@code .html}, {@code .json}) for {@code scan} and {@code ingest --from-dir},
 * read through the same extractor as fetched pages.
 *
 * <p>Files are untrusted input: one larger than the limit ({@code ingest.maxBodyBytes} in the commands, 10 MiB by
 * default) is refused by its size before it is read, and a {@code .json} article is checked field by field
 * ({@code ArticleJson}: JSON types, http(s) URLs) before it becomes an {@link io.newswatch.model.Article}. Every
 * error is an {@code IllegalArgumentException} whose message starts with the file, so a batch can report it
 * and go on with the next file.
 */
package io.newswatch.ingest.files;
