package io.newswatch.processor.rules;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.newswatch.model.Snippet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.apache.lucene.monitor.HighlightsMatch.Hit;

/**
 * Explains a hit: the sentences that hold the matched words, with the words' offsets, and a score.
 *
 * <p>Score: the number of distinct matched word occurrences, those in the title counting twice. It grows
 * with how much of the rule the article satisfies and how often, and is comparable only within one rule.
 *
 * <p>Snippets: each matched word is placed in its sentence (ICU sentence boundaries, English abbreviations
 * such as "Gen." not ending a sentence); the {@value #MAX_SNIPPETS} sentences with the most matched words
 * are kept (ties: earlier first) and returned in reading order, title first. Only the first
 * {@value #MAX_SENTENCES} sentences with matched words are considered, so the work per rule is linear in the
 * number of matched words and bounded in the sentences looked at. A sentence longer than
 * {@value #MAX_CHARS} characters is cut to a window around its first matched word. Stateless and
 * thread-safe.
 */
final class SnippetBuilder {

    static final int MAX_SNIPPETS = 3;
    static final int MAX_CHARS = 400;
    /**
     * Sentences with matched words considered per rule and article, in reading order: an article whose every
     * sentence matches (hostile, or a list page) costs no more than this many; the score still counts every word.
     */
    static final int MAX_SENTENCES = 1_000;
    private static final int LEAD = 120;
    private static final ULocale SENTENCES = new ULocale("en@ss=standard");
    /**
     * One sentence iterator per thread, reset for each text: making one per article (a clone of ICU's rules plus the
     * abbreviation filter) was a sixth of what the analysis threads allocated.
     */
    private static final ThreadLocal<BreakIterator> SENTENCE_ITERATOR =
            ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(SENTENCES));

    private SnippetBuilder() {
    }

    record Explanation(double score, List<Snippet> snippets) {
    }

    /** A matched word in the title or the text. */
    private record Span(String field, int start, int end) {
    }

    /**
     * The sentence boundaries of one article, found once (on first use) and shared by all the rules that
     * matched it. Single-threaded, like the match call that owns it.
     */
    static final class Sentences {
        private final MatchInput input;
        private int[] title;
        private int[] text;

        Sentences(MatchInput input) {
            this.input = input;
        }

        /** Start and end of the sentence that holds {@code offset} in the field. */
        int[] around(String field, int offset) {
            int[] b;
            if (field.equals("title")) {
                b = title == null ? title = boundaries(input.title()) : title;
            } else {
                b = text == null ? text = boundaries(input.text()) : text;
            }
            int i = java.util.Arrays.binarySearch(b, offset);
            int start = i >= 0 ? i : -i - 2; // the last boundary at or before the offset
            start = Math.max(0, Math.min(start, b.length - 2));
            return new int[] {b[start], b[start + 1]};
        }

        private static int[] boundaries(String s) {
            BreakIterator bi = SENTENCE_ITERATOR.get();
            bi.setText(s);
            int[] out = new int[16];
            int n = 0;
            for (int b = bi.first(); b != BreakIterator.DONE; b = bi.next()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = b;
            }
            bi.setText(""); // do not hold on to the article
            if (n == 0 || out[n - 1] != s.length()) {
                out = n == out.length ? java.util.Arrays.copyOf(out, n + 1) : out;
                out[n++] = s.length();
            }
            if (n == 1) {
                return new int[] {0, out[0]};
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    static Explanation explain(MatchInput input, Map<String, ? extends Collection<Hit>> hits) {
        return explain(input, new Sentences(input), hits);
    }

    static Explanation explain(MatchInput input, Sentences sentences, Map<String, ? extends Collection<Hit>> hits) {
        TreeSet<Span> spans = new TreeSet<>(Comparator.comparing(Span::field).reversed() // "title" before "text"
                .thenComparingInt(Span::start).thenComparingInt(Span::end));
        int textBase = ArticleFields.textBase(input.title());
        int titleLength = ArticleFields.titleIndexed(input.title()) ? input.title().length() : 0;
        for (Map.Entry<String, ? extends Collection<Hit>> e : hits.entrySet()) {
            String field = e.getKey();
            boolean combined = ArticleFields.isTextField(field);
            if (!combined && !ArticleFields.isTitleField(field)) {
                continue; // entity ids and languages have no place in the text
            }
            for (Hit h : e.getValue()) {
                if (h.startOffset() < 0 || h.endOffset() < h.startOffset()) {
                    continue;
                }
                if (!combined || h.endOffset() <= titleLength) {
                    spans.add(new Span("title", h.startOffset(), h.endOffset()));
                } else if (h.startOffset() >= textBase) {
                    spans.add(new Span("text", h.startOffset() - textBase, h.endOffset() - textBase));
                }
            }
        }
        double score = 0;
        for (Span s : spans) {
            score += s.field().equals("title") ? 2 : 1;
        }
        return new Explanation(score, snippets(input, sentences, spans));
    }

    /** A sentence holding matched words: where it lies, its spans, and its place in reading order. */
    private record Candidate(int order, String field, int start, int end, int sentenceEnd, List<Span> spans) {
    }

    /**
     * Groups the spans (already in reading order, title first) by sentence, in one pass: spans of one sentence
     * are adjacent, so each sentence is found once. At most {@value #MAX_SENTENCES} sentences are considered;
     * the best {@value #MAX_SNIPPETS} are kept in a bounded heap, so the work is linear in the spans.
     */
    private static List<Snippet> snippets(MatchInput input, Sentences sentences, Collection<Span> spans) {
        if (spans.isEmpty()) {
            return List.of();
        }
        // Most matched words first, then earlier first: the head of this order is the worst of the kept ones.
        Comparator<Candidate> better = Comparator.comparingInt((Candidate c) -> c.spans().size())
                .thenComparing(Comparator.comparingInt(Candidate::order).reversed());
        PriorityQueue<Candidate> kept = new PriorityQueue<>(MAX_SNIPPETS + 1, better);
        Candidate current = null;
        int considered = 0;
        for (Span s : spans) {
            if (current != null && current.field().equals(s.field()) && s.start() < current.sentenceEnd()) {
                current.spans().add(s);
                continue;
            }
            if (current != null) {
                keep(kept, current);
            }
            if (considered == MAX_SENTENCES) {
                current = null;
                break;
            }
            String fieldText = s.field().equals("title") ? input.title() : input.text();
            int[] sentence = sentences.around(s.field(), s.start());
            int end = Math.min(fieldText.length(), Math.max(sentence[1], s.end()));
            List<Span> inSentence = new ArrayList<>();
            inSentence.add(s);
            current = new Candidate(considered++, s.field(), sentence[0], end, sentence[1], inSentence);
        }
        if (current != null) {
            keep(kept, current);
        }
        List<Candidate> chosen = new ArrayList<>(kept);
        chosen.sort(Comparator.comparingInt(Candidate::order));
        List<Snippet> out = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            String fieldText = c.field().equals("title") ? input.title() : input.text();
            out.add(snippet(c.field(), fieldText, c.start(), c.end(), c.spans()));
        }
        return out;
    }

    private static void keep(PriorityQueue<Candidate> kept, Candidate c) {
        kept.add(c);
        if (kept.size() > MAX_SNIPPETS) {
            kept.poll();
        }
    }

    private static Snippet snippet(String field, String fieldText, int start, int end, List<Span> spans) {
        while (start < end && Character.isWhitespace(fieldText.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(fieldText.charAt(end - 1))) {
            end--;
        }
        if (end - start > MAX_CHARS) {
            int first = spans.get(0).start();
            int from = Math.max(start, first - LEAD);
            while (from > start && !Character.isWhitespace(fieldText.charAt(from - 1))) {
                from--; // do not cut a word in two
            }
            int to = Math.min(end, from + MAX_CHARS);
            while (to < end && !Character.isWhitespace(fieldText.charAt(to))) {
                to++;
            }
            start = from;
            end = to;
        }
        List<Snippet.Span> highlights = new ArrayList<>();
        for (Span s : spans) {
            if (s.start() >= start && s.end() <= end) {
                highlights.add(new Snippet.Span(s.start(), s.end()));
            }
        }
        return new Snippet(field, start, end, fieldText.substring(start, end), highlights);
    }

}
