package io.newswatch.tools.synthetic;

import io.newswatch.processor.rules.WatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates realistic watch rules for benchmarks and load tests: what a set of desks would write over
 * twelve topics in five languages, not one-word queries. The mix, by rule:
 *
 * <ul>
 *   <li>30% two concept groups within a distance: {@code NEAR/6((dron* OR quadcopter), (cartel* OR gang))};
 *   <li>20% a watched name and a concept group: {@code (Varenko OR Talinov) AND (pipeline OR refiner*)};
 *   <li>15% an exact or sloppy phrase, possibly with a context group: {@code "cargo vessel"~3 AND strait};
 *   <li>15% three groups combined with AND, OR and NOT, as in {@code (a OR b*) AND (c OR d) AND NOT e};
 *   <li>10% an ordered proximity: {@code ONEAR/3(ransom*, (hackers OR breach))};
 *   <li>10% a title-scoped group with a body condition: {@code title:(outbreak OR vaccine) AND hospital}.
 * </ul>
 *
 * <p>Words come from the language(s) a rule is written for; a third of the rules name no language (they
 * apply to all five and mix their words), the others one or two. Wildcards replace the ending of longer
 * words. Deterministic: the same {@code n} and {@code seed} give the same rules, on every JVM. Thread-safe
 * (stateless).
 */
public final class RuleGenerator {

    private RuleGenerator() {
    }

    /**
     * Generates {@code n} rules with ids {@code gen-00000}, {@code gen-00001}, ...
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<WatchRule> generate(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        Random r = new Random(seed);
        List<String> topics = SyntheticVocabulary.topicNames();
        List<WatchRule> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> langs = languages(r);
            String topic = topics.get(r.nextInt(topics.size()));
            String other = topics.get(r.nextInt(topics.size()));
            int shape = r.nextInt(100);
            String query;
            if (shape < 30) {
                query = "NEAR/" + (3 + r.nextInt(8)) + "(" + group(r, topic, langs, 2 + r.nextInt(4)) + ", "
                        + group(r, r.nextBoolean() ? topic : other, langs, 2 + r.nextInt(4)) + ")";
            } else if (shape < 50) {
                query = names(r, 1 + r.nextInt(3)) + " AND " + group(r, topic, langs, 2 + r.nextInt(5));
            } else if (shape < 65) {
                String lang = langs.get(r.nextInt(langs.size()));
                List<String> words = SyntheticVocabulary.topicWords(topic, lang);
                String phrase = "\"" + words.get(r.nextInt(words.size())) + " " + words.get(r.nextInt(words.size())) + "\"";
                if (r.nextBoolean()) {
                    phrase += "~" + (1 + r.nextInt(5));
                }
                query = r.nextBoolean() ? phrase : phrase + " AND " + group(r, other, langs, 2 + r.nextInt(3));
            } else if (shape < 80) {
                query = group(r, topic, langs, 2 + r.nextInt(4)) + " AND " + group(r, other, langs, 2 + r.nextInt(4))
                        + " AND NOT " + group(r, topics.get(r.nextInt(topics.size())), langs, 1 + r.nextInt(2));
            } else if (shape < 90) {
                query = "ONEAR/" + (1 + r.nextInt(4)) + "(" + group(r, topic, langs, 1 + r.nextInt(3)) + ", "
                        + group(r, topic, langs, 2 + r.nextInt(3)) + ")";
            } else {
                query = "title:" + group(r, topic, langs, 2 + r.nextInt(3)) + " AND " + group(r, other, langs, 1 + r.nextInt(3));
            }
            String id = String.format(Locale.ROOT, "gen-%05d", i);
            List<String> declared = langs.size() == SyntheticVocabulary.LANGUAGES.size() ? List.of() : langs;
            String severity = List.of("low", "medium", "high", "critical").get(r.nextInt(4));
            out.add(new WatchRule(id, "Generated " + topic + " watch " + i, "Generated for load tests.", query, declared,
                    severity, List.of(topic, "generated")));
        }
        return List.copyOf(out);
    }

    private static List<String> languages(Random r) {
        List<String> all = SyntheticVocabulary.LANGUAGES;
        int pick = r.nextInt(3);
        if (pick == 0) {
            return all;
        }
        String first = all.get(r.nextInt(all.size()));
        if (pick == 1) {
            return List.of(first);
        }
        String second = all.get(r.nextInt(all.size()));
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    /** An OR-group of {@code size} words of a topic, some cut into wildcards. */
    private static String group(Random r, String topic, List<String> langs, int size) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String lang = langs.get(r.nextInt(langs.size()));
            List<String> words = SyntheticVocabulary.topicWords(topic, lang);
            String w = words.get(r.nextInt(words.size()));
            if (w.length() >= 7 && r.nextInt(3) == 0) {
                w = w.substring(0, 4 + r.nextInt(w.length() - 5)) + "*";
            }
            if (!terms.contains(w)) {
                terms.add(w);
            }
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
    }

    private static String names(Random r, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = SyntheticVocabulary.NAMES.get(r.nextInt(SyntheticVocabulary.NAMES.size()));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names.size() == 1 ? names.get(0) : "(" + String.join(" OR ", names) + ")";
    }
}
