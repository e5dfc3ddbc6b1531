package io.newswatch.tools.synthetic;

import io.newswatch.processor.rules.WatchRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

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

    /** Shares of the shapes of {@link #realistic} rules, in tenths of a percent, in the order of {@link Shape}. */
    private static final int[] SHARES = {357, 100, 100, 80, 80, 100, 60, 60, 50, 10, 3};

    /** The shapes of {@link #realistic} rules, as desks write them. */
    public enum Shape {
        /** A watched name and a topic group: {@code "Mira Talkovan" AND (cartel* OR trafficking)}. */
        NAME_AND_TOPIC,
        /** The same with an exclusion: {@code Ostavin AND (sanctions OR tariffs) AND NOT (election*)}. */
        NAME_AND_TOPIC_NOT,
        /** A name near a topic group: {@code NEAR/5(Ostavin, (refiner* OR pipeline))}. */
        NAME_NEAR_TOPIC,
        /** A name in the headline: {@code title:"Mira Talkovan" AND (hospital OR outbreak)}. */
        TITLE_NAME,
        /** An extracted entity: {@code entity:ostavin AND (pipeline OR gas)}. */
        ENTITY,
        /** A competitor list: {@code (Dalvecorp OR Trimek OR Zubelsa OR Kavor) AND (chips OR satellite)}. */
        COMPETITORS,
        /** A name by wildcard, as desks catch inflected or compound forms: {@code Talkova* AND (port OR vessel)}. */
        NAME_WILDCARD,
        /** A phrase of the topic and a name: {@code "cargo vessel"~3 AND Ostavin}. */
        PHRASE_AND_NAME,
        /** A name before a topic word: {@code ONEAR/3(Ostavin, (refinery OR pipeline))}. */
        NAME_ONEAR_TOPIC,
        /** A broad topic watch with no name: {@code (cartel* OR cocaine) AND (drone* OR quadcopter)}. */
        TOPIC_ONLY,
        /** A portfolio: hundreds of names OR'ed, with a topic group. */
        PORTFOLIO
    }

    /**
     * Generates {@code n} rules as desks of a media-monitoring service write them, with ids {@code desk-00000}, ...:
     * mostly a watched name from {@link SyntheticEntities} (chosen with a popularity skew, flatter than the
     * news's) combined with a group of topic words, in the shapes and shares of {@link Shape} (35 % name and
     * topic, 10 % each with NOT, within NEAR and as competitor lists (3-6 names), 8 % each scoped to the title or to an
     * extracted entity, 6 % each a wildcard name and a phrase with a name, 5 % ONEAR, 1 % broad topic rules, 0.3 %
     * portfolios of 200-400 names). A rule is written for one language (55 %), two (15 %) or all five (30 %, with
     * each topic word in every language, as a translated watch list). {@code RuleMatcherBenchmark} prints how
     * selective they are on {@link SyntheticArticles#news} articles; docs/benchmarks.md has the figures.
     * Deterministic for a given {@code n} and {@code seed}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<WatchRule> realistic(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        Random r = new Random(seed);
        List<String> topics = SyntheticVocabulary.topicNames();
        List<WatchRule> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> langs = deskLanguages(r);
            String topic = topics.get(r.nextInt(topics.size()));
            String other = topics.get(r.nextInt(topics.size()));
            Shape shape = shape(r);
            SyntheticEntities.Entity watched = SyntheticEntities.watched(r);
            String name = quoted(watched.name());
            String query = switch (shape) {
                case NAME_AND_TOPIC -> name + " AND " + translated(r, topic, langs, 2 + r.nextInt(3));
                case NAME_AND_TOPIC_NOT -> name + " AND " + translated(r, topic, langs, 2 + r.nextInt(3)) + " AND NOT "
                        + translated(r, other.equals(topic) ? topics.get((topics.indexOf(topic) + 1) % topics.size()) : other, langs, 1 + r.nextInt(2));
                case NAME_NEAR_TOPIC -> "NEAR/" + (3 + r.nextInt(8)) + "(" + name + ", " + translated(r, topic, langs, 2 + r.nextInt(3)) + ")";
                case TITLE_NAME -> "title:" + name + " AND " + translated(r, topic, langs, 1 + r.nextInt(3));
                case ENTITY -> "entity:" + watched.id() + " AND " + translated(r, topic, langs, 2 + r.nextInt(3));
                case COMPETITORS -> {
                    SyntheticEntities.Kind kind = r.nextInt(4) == 0 ? SyntheticEntities.Kind.PERSON : SyntheticEntities.Kind.COMPANY;
                    Set<String> names = new LinkedHashSet<>();
                    int count = 3 + r.nextInt(4);
                    while (names.size() < count) {
                        names.add(quoted(SyntheticEntities.watched(r, kind).name()));
                    }
                    yield "(" + String.join(" OR ", names) + ") AND " + translated(r, topic, langs, 2 + r.nextInt(3));
                }
                case NAME_WILDCARD -> {
                    String family = watched.name().substring(watched.name().lastIndexOf(' ') + 1);
                    yield family.substring(0, Math.max(4, family.length() - 2)) + "* AND " + translated(r, topic, langs, 2 + r.nextInt(3));
                }
                case PHRASE_AND_NAME -> {
                    String lang = langs.get(r.nextInt(langs.size()));
                    List<String> words = SyntheticVocabulary.topicWords(topic, lang);
                    String phrase = "\"" + words.get(r.nextInt(words.size())) + " " + words.get(r.nextInt(words.size())) + "\"~" + (2 + r.nextInt(4));
                    yield phrase + " AND " + name;
                }
                case NAME_ONEAR_TOPIC -> "ONEAR/" + (2 + r.nextInt(4)) + "(" + name + ", " + translated(r, topic, langs, 2 + r.nextInt(3)) + ")";
                case TOPIC_ONLY -> translated(r, topic, langs, 2 + r.nextInt(2)) + " AND " + translated(r, topic, langs, 2 + r.nextInt(2));
                case PORTFOLIO -> {
                    Set<String> names = new LinkedHashSet<>();
                    int count = 200 + r.nextInt(201);
                    while (names.size() < count) {
                        names.add(quoted(SyntheticEntities.watched(r).name()));
                    }
                    yield "(" + String.join(" OR ", names) + ") AND " + translated(r, topic, langs, 2 + r.nextInt(3));
                }
            };
            String id = String.format(Locale.ROOT, "desk-%05d", i);
            List<String> declared = langs.size() == SyntheticVocabulary.LANGUAGES.size() ? List.of() : langs;
            String severity = List.of("low", "medium", "high", "critical").get(r.nextInt(4));
            out.add(new WatchRule(id, "Desk " + topic + " watch " + i, "Generated for load tests.", query, declared,
                    severity, List.of(topic, shape.name().toLowerCase(Locale.ROOT), "generated")));
        }
        return List.copyOf(out);
    }

    /** The shape a {@link #realistic} rule was generated with, read back from its tags; null for other rules. */
    public static Shape shapeOf(WatchRule rule) {
        for (String tag : rule.tags()) {
            for (Shape s : Shape.values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(tag)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Shape shape(Random r) {
        int roll = r.nextInt(1000);
        for (int k = 0; k < SHARES.length; k++) {
            roll -= SHARES[k];
            if (roll < 0) {
                return Shape.values()[k];
            }
        }
        return Shape.NAME_AND_TOPIC;
    }

    private static String quoted(String name) {
        return name.indexOf(' ') >= 0 ? "\"" + name + "\"" : name;
    }

    private static List<String> deskLanguages(Random r) {
        List<String> all = SyntheticVocabulary.LANGUAGES;
        int roll = r.nextInt(100);
        if (roll < 30) {
            return all;
        }
        String first = r.nextBoolean() ? "en" : all.get(r.nextInt(all.size()));
        if (roll < 85) {
            return List.of(first);
        }
        String second = all.get(r.nextInt(all.size()));
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    /** An OR-group of {@code size} words of a topic, each in every language of the rule, some cut into wildcards. */
    private static String translated(Random r, String topic, List<String> langs, int size) {
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            int index = r.nextInt(SyntheticVocabulary.topicWords(topic, "en").size());
            boolean cut = r.nextInt(3) == 0;
            for (String lang : langs) {
                List<String> words = SyntheticVocabulary.topicWords(topic, lang);
                String w = words.get(Math.min(index, words.size() - 1));
                if (cut && w.length() >= 7) {
                    w = w.substring(0, w.length() - 2) + "*";
                }
                terms.add(w);
            }
        }
        return terms.size() == 1 ? terms.iterator().next() : "(" + String.join(" OR ", terms) + ")";
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
