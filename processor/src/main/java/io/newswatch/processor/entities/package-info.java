/**
 * Named entities: the gazetteer, the tagger that finds its names in articles, and the text folding that all
 * matching in the processor shares.
 *
 * <h2>Gazetteer</h2>
 * A {@link io.newswatch.processor.entities.Gazetteer} is a YAML list of entities, each with a stable id, a type
 * (organisation, person, place, unit, weapon), a preferred name and aliases in any language and script. The
 * default one, {@code /entities/default-gazetteer.yaml} on the classpath, covers the first watchlist (cartels and
 * armed groups of Latin America, Ukrainian and Russian units and agencies, the people and places of that reporting,
 * and drone-warfare equipment) in English, Spanish, Portuguese, Ukrainian and Russian. Ids are the
 * language-independent handle: watch rules match {@code entity:cjng}, and story clustering compares articles in
 * different languages by the ids they share.
 *
 * <p>The file is read by the shared {@link io.newswatch.yaml.YamlReader} (its bounds and refusals apply).
 * Loading validates everything an editor can get wrong and names {@code file:line:column} and the key:
 * unknown keys, bad types, duplicate ids, two entities claiming one alias, and one-word aliases shorter than four
 * letters that are not case-sensitive. That last rule exists because short acronyms collide with ordinary words
 * once lower-cased ("CDG", "ГУР"); such aliases are written {@code {alias: ELN, caseSensitive: true}}.
 *
 * <h2>Matching</h2>
 * {@link io.newswatch.processor.entities.TextFolder} splits text into tokens (runs of letters, digits and marks)
 * and folds each: NFKD, marks dropped, lower case. Russian and Ukrainian inflect names ("Буданов", "Буданова",
 * "Будановым"), so Cyrillic tokens are further reduced to a crude stem; the same reduction runs on aliases, so it
 * only needs to be consistent. {@link io.newswatch.processor.entities.GazetteerTagger} compiles every alias into a
 * trie over those stems and walks it once per token: cost is linear in the text, independent of the number of
 * aliases (thousands are fine). Overlaps resolve leftmost-longest, which is how "Cártel de Sinaloa" wins over the
 * state "Sinaloa", and how absorbing entries such as "New Mexico" keep "Mexico" from matching inside them.
 * Offsets always refer to the original string.
 *
 * <p>Everything here is immutable after construction and thread-safe.
 */
package io.newswatch.processor.entities;
