package io.newswatch.tools.synthetic;

import io.newswatch.model.EntityMention;
import io.newswatch.processor.rules.MatchInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates news-like articles for benchmarks and load tests: a headline and about 700 words in
 * paragraphs, in one of the five languages (English for half of them), mostly common words with the
 * vocabulary of one or two topics and a few watched names woven in, as in real reporting. They share
 * their vocabulary with {@link RuleGenerator}, so generated rules match them at a realistic rate (a few
 * rules per article at 1,000 rules). The text has no meaning; its statistics are what matter.
 *
 * <p>Deterministic: the same {@code n} and {@code seed} give the same articles on every JVM. Thread-safe
 * (stateless).
 */
public final class SyntheticArticles {

    /** Target length of the body, in words. */
    public static final int WORDS = 700;

    private SyntheticArticles() {
    }

    /**
     * Generates {@code n} articles with ids {@code syn-00000}, ...; one in twenty has no language, as when
     * detection fails upstream.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<MatchInput> articles(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        Random r = new Random(seed);
        List<String> topics = SyntheticVocabulary.topicNames();
        List<MatchInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String lang = r.nextBoolean() ? "en" : SyntheticVocabulary.LANGUAGES.get(r.nextInt(SyntheticVocabulary.LANGUAGES.size()));
            List<String> own = new ArrayList<>();
            int topicCount = 1 + r.nextInt(2);
            while (own.size() < topicCount) {
                String t = topics.get(r.nextInt(topics.size()));
                if (!own.contains(t)) {
                    own.add(t);
                }
            }
            List<String> names = new ArrayList<>();
            for (int k = 0; k < 3 + r.nextInt(6); k++) {
                names.add(SyntheticVocabulary.NAMES.get(r.nextInt(SyntheticVocabulary.NAMES.size())));
            }
            String title = capitalise(sentence(r, lang, own, names, 8 + r.nextInt(5), 0.35));
            StringBuilder body = new StringBuilder();
            int words = 0;
            while (words < WORDS) {
                int sentences = 3 + r.nextInt(3);
                for (int s = 0; s < sentences && words < WORDS; s++) {
                    int len = 12 + r.nextInt(14);
                    body.append(capitalise(sentence(r, lang, own, names, len, 0.04))).append(". ");
                    words += len;
                }
                body.setLength(body.length() - 1);
                body.append("\n\n");
            }
            String id = String.format(Locale.ROOT, "syn-%05d", i);
            out.add(new MatchInput(id, title, body.toString().strip(), r.nextInt(20) == 0 ? null : lang, List.of()));
        }
        return List.copyOf(out);
    }

    /**
     * Generates {@code n} articles of a news stream, with ids {@code news-00000}, ...: the same languages, length
     * and topic words as {@link #articles}, but the names are {@link SyntheticEntities} drawn by their popularity
     * (Zipf), four to nine per article, the first one often in the headline; each article lists the entities it
     * mentions, as the entity tagger would. Made independently of any rule set: {@link RuleGenerator#realistic}
     * rules are measured on them. One in twenty has no language.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<MatchInput> news(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        Random r = new Random(seed);
        List<String> topics = SyntheticVocabulary.topicNames();
        List<MatchInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String lang = r.nextBoolean() ? "en" : SyntheticVocabulary.LANGUAGES.get(r.nextInt(SyntheticVocabulary.LANGUAGES.size()));
            List<String> own = new ArrayList<>();
            int topicCount = 1 + r.nextInt(2);
            while (own.size() < topicCount) {
                String t = topics.get(r.nextInt(topics.size()));
                if (!own.contains(t)) {
                    own.add(t);
                }
            }
            Map<String, SyntheticEntities.Entity> mentioned = new LinkedHashMap<>();
            int count = 4 + r.nextInt(6);
            while (mentioned.size() < count) {
                SyntheticEntities.Entity e = SyntheticEntities.mentioned(r);
                mentioned.putIfAbsent(e.id(), e);
            }
            List<String> names = mentioned.values().stream().map(SyntheticEntities.Entity::name).toList();
            String lead = names.get(0);
            String title = capitalise(sentence(r, lang, own, names, 7 + r.nextInt(5), 0.35));
            if (r.nextInt(5) < 3) {
                title = lead + " " + title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
            }
            StringBuilder body = new StringBuilder(capitalise(lead)).append(" ");
            int words = 0;
            while (words < WORDS) {
                int sentences = 3 + r.nextInt(3);
                for (int s = 0; s < sentences && words < WORDS; s++) {
                    int len = 12 + r.nextInt(14);
                    body.append(capitalise(sentence(r, lang, own, names, len, 0.04))).append(". ");
                    words += len;
                }
                body.setLength(body.length() - 1);
                body.append("\n\n");
            }
            String text = body.toString().strip();
            List<EntityMention> entities = new ArrayList<>();
            for (SyntheticEntities.Entity e : mentioned.values()) {
                entities.add(new EntityMention(e.id(), e.kind().name().toLowerCase(Locale.ROOT), e.name(), 1));
            }
            String id = String.format(Locale.ROOT, "news-%05d", i);
            out.add(new MatchInput(id, title, text, r.nextInt(20) == 0 ? null : lang, entities));
        }
        return List.copyOf(out);
    }

    private static String sentence(Random r, String lang, List<String> topics, List<String> names, int length, double topicShare) {
        List<String> common = SyntheticVocabulary.COMMON.get(lang);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < length; w++) {
            if (w > 0) {
                sb.append(w % 9 == 0 && r.nextInt(3) == 0 ? ", " : " ");
            }
            double roll = r.nextDouble();
            if (roll < topicShare) {
                List<String> words = SyntheticVocabulary.topicWords(topics.get(r.nextInt(topics.size())), lang);
                sb.append(words.get(r.nextInt(words.size())));
            } else if (roll < topicShare + 0.02) {
                sb.append(names.get(r.nextInt(names.size())));
            } else {
                sb.append(common.get(r.nextInt(common.size())));
            }
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
