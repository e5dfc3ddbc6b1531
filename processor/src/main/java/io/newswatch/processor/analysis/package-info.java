/**
 * Text analysis for watch rules: one chain per supported {@link io.newswatch.processor.analysis.Language}
 * (English, Spanish, Portuguese, Ukrainian, Russian), used both for article text and for the words of rules,
 * so that a rule word finds its inflections and is insensitive to case and accents.
 *
 * <h2>The chain</h2>
 *
 * <p>{@link io.newswatch.processor.analysis.LanguageAnalyzer}: Unicode word boundaries (Lucene's
 * {@code StandardTokenizer}, the same for every language, so "FPV-дрон" and "ex-soldier" split alike) →
 * English possessives removed → lower case → the language's stemmer → ICU folding (case folding and removal of
 * accents and diacritics: {@code capacitación} = {@code capacitacion}, {@code наёмник} = {@code наемник},
 * {@code й} = {@code и}). Stop words are kept, so phrases and NEAR distances count every word as a reader
 * does.
 *
 * <p>For articles the chain also keeps each word as written (folded, unstemmed) at the position of its stem,
 * so wildcards and {@code =exact} words of the rule language see what the reader sees, while plain rule words,
 * stemmed the same way, meet the stems.
 *
 * <h2>Stemmers</h2>
 *
 * <ul>
 *   <li>English: Porter, as in Lucene's {@code EnglishAnalyzer}.
 *   <li>Spanish, Portuguese, Russian: Lucene's light stemmers (Savoy), which remove inflection (plural,
 *       gender, case) but not derivation, so {@code entrenamiento} and {@code entrenar} stay apart; rules reach
 *       derivations with wildcards ({@code entren*}).
 *   <li>Ukrainian: {@link io.newswatch.processor.analysis.UkrainianLightStemFilter}, written here in the
 *       same light style (case endings of nouns and adjectives, the fleeting vowel of {@code -ець}, the
 *       {@code -нн-} of verbal nouns). Lucene's Ukrainian analyzer needs the Morfologik module and its
 *       dictionary, a large extra dependency; a Russian stemmer on Ukrainian text misses endings such as
 *       {@code -ів}, {@code -ами}, {@code -ові}. Verb endings are left alone: rules use wildcards for verbs
 *       ({@code вербу*}).
 * </ul>
 *
 * <p>Stemming runs before folding because the stemmers' suffix tables are written with accents. Analyzers are
 * immutable and thread-safe; token filters serve one thread at a time, as always in Lucene.
 */
package io.newswatch.processor.analysis;
