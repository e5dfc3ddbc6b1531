package io.newswatch.tools.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The invented world that realistic rules watch and realistic articles report on: 20,000 named entities (people,
 * companies, places, groups) ranked by popularity. News mentions its entities with a Zipf-Mandelbrot law: the
 * entity of rank {@code r} (from 1) is drawn with probability proportional to {@code 1 / (r + 10)}, so the most
 * popular one is in about 6 % of the articles, the hundredth in 0.7 %, the ten-thousandth in 0.007 %, and most
 * names are rarely seen, as in a real news stream. Immutable; thread-safe.
 *
 * <p>People have a given name from a small shared pool and a family name of their own ({@code Mira Talkovan}),
 * so a given name alone is a common word of the stream; companies, places and groups are one word. Every
 * entity has an id (its name in lower case, words joined by {@code -}) that articles list as their extracted
 * entities and rules may search with {@code entity:}.
 */
public final class SyntheticEntities {

    /** What an entity is; rules are written differently for each. */
    public enum Kind { PERSON, COMPANY, PLACE, GROUP }

    /**
     * One entity.
     *
     * @param rank popularity rank, from 1 (most mentioned)
     */
    public record Entity(int rank, Kind kind, String name, String id) {
    }

    /** Entities in the world. */
    public static final int COUNT = 20_000;
    /** The Zipf-Mandelbrot offset: flattens the head so the top entity is not in every other article. */
    private static final double OFFSET = 10.0;

    private static final List<Entity> ALL = build(20_251_207L);
    private static final double[] CUMULATIVE = cumulative(1.0);
    /** What desks watch: still skewed to the popular, but flatter than the news (a desk watches its niche too). */
    private static final double[] WATCHED = cumulative(0.9);

    private SyntheticEntities() {
    }

    /** Every entity, by rank. */
    public static List<Entity> all() {
        return ALL;
    }

    /** An entity drawn as the news mentions them. */
    static Entity mentioned(Random r) {
        return ALL.get(draw(CUMULATIVE, r));
    }

    /** An entity drawn as desks choose what to watch. */
    static Entity watched(Random r) {
        return ALL.get(draw(WATCHED, r));
    }

    /** An entity of this kind drawn as desks choose, for competitor lists and portfolios. */
    static Entity watched(Random r, Kind kind) {
        while (true) {
            Entity e = watched(r);
            if (e.kind() == kind) {
                return e;
            }
        }
    }

    private static int draw(double[] cumulative, Random r) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static double[] cumulative(double exponent) {
        double[] c = new double[COUNT];
        double sum = 0;
        for (int i = 0; i < COUNT; i++) {
            sum += 1.0 / Math.pow(i + 1 + OFFSET, exponent);
            c[i] = sum;
        }
        return c;
    }

    private static List<Entity> build(long seed) {
        String[] syllables = {"ta", "lko", "van", "mi", "ra", "sel", "do", "vrin", "ka", "zu", "bel", "os", "nir", "qua", "te", "mo",
            "rav", "li", "sto", "gen", "ur", "pha", "dal", "ve", "kri", "no", "sa", "bru", "im", "chal", "fe", "dor", "wy", "len",
            "ox", "ju", "tri", "ha", "mek", "zo"};
        Random r = new Random(seed);
        Set<String> used = new HashSet<>();
        List<String> givenNames = new ArrayList<>();
        while (givenNames.size() < 150) {
            String g = word(r, syllables, 2);
            if (used.add(g)) {
                givenNames.add(g);
            }
        }
        List<Entity> out = new ArrayList<>(COUNT);
        while (out.size() < COUNT) {
            int roll = r.nextInt(100);
            Kind kind = roll < 45 ? Kind.PERSON : roll < 70 ? Kind.COMPANY : roll < 90 ? Kind.PLACE : Kind.GROUP;
            String family = word(r, syllables, 3 + r.nextInt(2));
            if (!used.add(family)) {
                continue;
            }
            String name = switch (kind) {
                case PERSON -> givenNames.get(r.nextInt(givenNames.size())) + " " + family;
                case COMPANY, PLACE, GROUP -> family;
            };
            out.add(new Entity(out.size() + 1, kind, name, name.toLowerCase(Locale.ROOT).replace(' ', '-')));
        }
        return List.copyOf(out);
    }

    private static String word(Random r, String[] syllables, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(syllables[r.nextInt(syllables.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }
}
