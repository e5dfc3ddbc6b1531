/**
 * Watch quality on labelled articles: {@code newswatch eval --labels LABELS.json DIR}.
 *
 * <p>{@link io.newswatch.tools.quality.Labels} reads the expected outcome of a folder (rules per article, story
 * labels, duplicate and story pairs; the format is in the corpus README under {@code eval/corpus});
 * {@link io.newswatch.tools.quality.LabelledFolder} runs the folder through the processor's own offline path, the
 * one {@code scan} uses; {@link io.newswatch.tools.quality.LabelledEval} scores the two against each other and
 * checks thresholds. The scoring is pure and depends on nothing else here, so it can be tested, and moved, alone.
 */
package io.newswatch.tools.quality;
