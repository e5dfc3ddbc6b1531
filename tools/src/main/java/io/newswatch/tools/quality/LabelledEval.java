package io.newswatch.tools.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores what the processor made of a labelled folder against its {@link Labels}: precision, recall and F1 per
 * labelled rule, duplicates found and falsely claimed, same-story joins and false joins. Pure: the caller runs
 * the articles (as {@code newswatch eval --labels} does through the offline scanner) and hands over one
 * {@link Outcome} per article id.
 *
 * <ul>
 *   <li>A rule counts a true positive when it fired on an article labelled {@code true} for it, a false positive
 *       when it fired on one labelled {@code false}; rules an article does not label are not scored on it.</li>
 *   <li>A labelled copy {@code [copy, original]} is <b>found</b> when the copy was reported as a duplicate of an
 *       article of the original's story (the original itself, or the first of its copy chain). A duplicate claim is
 *       <b>false</b> when the article is no labelled copy, or its original is of another story.</li>
 *   <li>A {@code same_story} pair is <b>joined</b> when both got one story id; a {@code different_story} pair that
 *       got one story id is a <b>false join</b>. Merges of any two articles with different story labels are
 *       counted too, listed pairs or not.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class LabelledEval {
    private LabelledEval() {
    }

    /**
     * What the processor made of one article.
     *
     * @param rules       ids of the rules that fired
     * @param duplicateOf id of the article it was found to duplicate, or {@code null}
     * @param storyId     the story it was assigned to
     */
    public record Outcome(Set<String> rules, String duplicateOf, String storyId) {
        public Outcome {
            rules = Set.copyOf(rules);
            Objects.requireNonNull(storyId, "storyId");
        }
    }

    /** Counts for one rule. */
    public record RuleScore(String rule, int truePositives, int falsePositives, int falseNegatives) {
        /** Of the alerts raised, the share that were wanted; 1 when none were raised. */
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        /** Of the articles wanted, the share that raised an alert; 1 when none were wanted. */
        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Limits that make a report fail; see {@link Report#failures}. */
    public record Thresholds(double minPrecision, double minRecall, double minDuplicateRecall, int maxFalseDuplicates,
                             double maxFalseJoinRate) {
        public Thresholds {
            for (double v : new double[] {minPrecision, minRecall, minDuplicateRecall, maxFalseJoinRate}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("thresholds must be in [0, 1], was " + v);
                }
            }
            if (maxFalseDuplicates < 0) {
                throw new IllegalArgumentException("maxFalseDuplicates must be >= 0, was " + maxFalseDuplicates);
            }
        }

        /** Thresholds nothing fails. */
        public static Thresholds none() {
            return new Thresholds(0, 0, 0, Integer.MAX_VALUE, 1);
        }
    }

    /**
     * The scores of one folder.
     *
     * @param rules              per labelled rule, in id order
     * @param duplicatesLabelled labelled copies
     * @param duplicatesFound    of those, reported as duplicates of their story
     * @param duplicatesClaimed  articles reported as duplicates
     * @param falseDuplicates    of those, claims that are wrong
     * @param sameStoryPairs     labelled same-story pairs
     * @param sameStoryJoined    of those, put in one story
     * @param differentPairs     labelled different-story pairs
     * @param falseJoins         of those, put in one story
     * @param mergedPairs        pairs of articles with different story labels put in one story (listed or not)
     * @param details            one line per error, for reading
     */
    public record Report(List<RuleScore> rules, int duplicatesLabelled, int duplicatesFound, int duplicatesClaimed,
                         int falseDuplicates, int sameStoryPairs, int sameStoryJoined, int differentPairs, int falseJoins,
                         int mergedPairs, List<String> details) {
        public Report {
            rules = List.copyOf(rules);
            details = List.copyOf(details);
        }

        public double duplicateRecall() {
            return ratio(duplicatesFound, duplicatesLabelled);
        }

        public double joinRecall() {
            return ratio(sameStoryJoined, sameStoryPairs);
        }

        /** False joins per labelled different-story pair; 0 when there are none. */
        public double falseJoinRate() {
            return differentPairs == 0 ? 0 : falseJoins / (double) differentPairs;
        }

        /** What falls short of the thresholds, one sentence each; empty when the report passes. */
        public List<String> failures(Thresholds t) {
            List<String> out = new ArrayList<>();
            for (RuleScore r : rules) {
                if (r.precision() < t.minPrecision()) {
                    out.add(String.format(Locale.ROOT, "%s: precision %.2f < %.2f", r.rule(), r.precision(), t.minPrecision()));
                }
                if (r.recall() < t.minRecall()) {
                    out.add(String.format(Locale.ROOT, "%s: recall %.2f < %.2f", r.rule(), r.recall(), t.minRecall()));
                }
            }
            if (duplicateRecall() < t.minDuplicateRecall()) {
                out.add(String.format(Locale.ROOT, "duplicates found %.2f < %.2f", duplicateRecall(), t.minDuplicateRecall()));
            }
            if (falseDuplicates > t.maxFalseDuplicates()) {
                out.add("false duplicates " + falseDuplicates + " > " + t.maxFalseDuplicates());
            }
            if (falseJoinRate() > t.maxFalseJoinRate()) {
                out.add(String.format(Locale.ROOT, "false story joins %.2f > %.2f", falseJoinRate(), t.maxFalseJoinRate()));
            }
            return out;
        }

        /** The report as printed by {@code newswatch eval --labels}. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-28s %4s %4s %4s  %9s  %6s  %5s%n", "rule", "TP", "FP", "FN", "precision", "recall", "F1"));
            for (RuleScore r : rules) {
                sb.append(String.format(Locale.ROOT, "%-28s %4d %4d %4d  %9.2f  %6.2f  %5.2f%n", r.rule(), r.truePositives(),
                        r.falsePositives(), r.falseNegatives(), r.precision(), r.recall(), r.f1()));
            }
            sb.append(String.format(Locale.ROOT, "duplicates: found %d of %d (%.2f), falsely claimed %d of %d claims%n",
                    duplicatesFound, duplicatesLabelled, duplicateRecall(), falseDuplicates, duplicatesClaimed));
            sb.append(String.format(Locale.ROOT, "stories: same-story joins %d of %d (%.2f), false joins %d of %d (%.2f), "
                            + "merged pairs of different stories %d%n",
                    sameStoryJoined, sameStoryPairs, joinRecall(), falseJoins, differentPairs, falseJoinRate(), mergedPairs));
            details.forEach(d -> sb.append("  ").append(d).append('\n'));
            return sb.toString();
        }
    }

    /**
     * Scores the outcomes against the labels.
     *
     * @param outcomes one per labelled article id; article ids without a label are ignored
     * @throws IllegalArgumentException when a labelled article has no outcome
     */
    public static Report score(Labels labels, Map<String, Outcome> outcomes) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(outcomes, "outcomes");
        for (String id : labels.articles().keySet()) {
            if (!outcomes.containsKey(id)) {
                throw new IllegalArgumentException("no article " + id + " (labelled, but not in the folder)");
            }
        }
        List<String> details = new ArrayList<>();
        List<RuleScore> rules = new ArrayList<>();
        for (String rule : labels.ruleIds()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (var e : labels.articles().entrySet()) {
                Boolean want = e.getValue().rules().get(rule);
                if (want == null) {
                    continue;
                }
                boolean fired = outcomes.get(e.getKey()).rules().contains(rule);
                if (want && fired) {
                    tp++;
                } else if (fired) {
                    fp++;
                    details.add("false alarm  " + rule + " on " + e.getKey());
                } else if (want) {
                    fn++;
                    details.add("missed       " + rule + " on " + e.getKey());
                }
            }
            rules.add(new RuleScore(rule, tp, fp, fn));
        }

        Map<String, String> story = new HashMap<>();
        labels.articles().forEach((id, a) -> story.put(id, a.story()));
        Map<String, String> copyOf = new HashMap<>();
        labels.duplicates().forEach(p -> copyOf.put(p.first(), p.second()));
        int found = 0;
        for (Labels.Pair p : labels.duplicates()) {
            String claimed = outcomes.get(p.first()).duplicateOf();
            if (claimed != null && Objects.equals(story.get(claimed), story.get(p.second()))) {
                found++;
            } else {
                details.add("missed copy  " + p.first() + " of " + p.second() + (claimed == null ? "" : " (said: of " + claimed + ")"));
            }
        }
        int claims = 0;
        int falseClaims = 0;
        for (String id : labels.articles().keySet()) {
            String claimed = outcomes.get(id).duplicateOf();
            if (claimed == null) {
                continue;
            }
            claims++;
            String original = copyOf.get(id);
            if (original == null || !Objects.equals(story.get(claimed), story.get(original))) {
                falseClaims++;
                details.add("false copy   " + id + " said to copy " + claimed);
            }
        }

        int joined = 0;
        for (Labels.Pair p : labels.sameStory()) {
            if (sameStory(outcomes, p)) {
                joined++;
            } else {
                details.add("kept apart   " + p.first() + " / " + p.second());
            }
        }
        int falseJoins = 0;
        for (Labels.Pair p : labels.differentStory()) {
            if (sameStory(outcomes, p)) {
                falseJoins++;
                details.add("false join   " + p.first() + " / " + p.second());
            }
        }
        Map<String, List<String>> byStory = new TreeMap<>();
        for (String id : labels.articles().keySet()) {
            byStory.computeIfAbsent(outcomes.get(id).storyId(), k -> new ArrayList<>()).add(id);
        }
        int merged = 0;
        for (List<String> ids : byStory.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (!story.get(ids.get(i)).equals(story.get(ids.get(j)))) {
                        merged++;
                        details.add("merged       " + ids.get(i) + " / " + ids.get(j));
                    }
                }
            }
        }
        return new Report(rules, labels.duplicates().size(), found, claims, falseClaims, labels.sameStory().size(), joined,
                labels.differentStory().size(), falseJoins, merged, details);
    }

    private static boolean sameStory(Map<String, Outcome> outcomes, Labels.Pair p) {
        return outcomes.get(p.first()).storyId().equals(outcomes.get(p.second()).storyId());
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 1 : num / (double) den;
    }
}
