package io.newswatch.processor.story;

import io.newswatch.model.Article;
import io.newswatch.model.EntityMention;
import io.newswatch.processor.entities.Gazetteer;
import io.newswatch.processor.entities.GazetteerTagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints, for each article in turn, its story score against every earlier one (entity and term parts) and the
 * decision made: the table to look at before changing a weight or threshold. With no argument it reads the
 * fixture stories, labelled with their expected story.
 *
 * <pre>
 * ./mvnw -B -q -o -pl processor -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp processor/target/test-classes:processor/target/classes:$(cat processor/target/test-classpath.txt) \
 *     io.newswatch.processor.story.StoryScoreReport [folder of .txt files, e.g. ../shared/corpus/seeds]
 * </pre>
 *
 * A folder's files are read in name order, one hour apart; the first line is the title.
 */
public final class StoryScoreReport {
    private StoryScoreReport() {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> items = new ArrayList<>(); // name, story label
        List<Article> articles = new ArrayList<>();
        if (args.length == 0) {
            for (StoryFixtures.Fixture f : StoryFixtures.all()) {
                items.add(new String[] {f.file(), f.story()});
                articles.add(f.article());
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(args[0]))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    String c = Files.readString(p, StandardCharsets.UTF_8);
                    int nl = Math.max(0, c.indexOf('\n'));
                    items.add(new String[] {p.getFileName().toString(), "?"});
                    articles.add(Article.builder("https://report.example/" + p.getFileName())
                            .title(c.substring(0, nl)).text(c.substring(nl)).fetchedAt(StoryFixtures.START).build());
                }
            }
        }
        GazetteerTagger tagger = new GazetteerTagger(Gazetteer.loadDefault());
        StoryConfig settings = StoryConfig.defaults();
        InMemoryStoryState state = new InMemoryStoryState(settings.retention(), settings.postingCap());
        StoryAssigner assigner = new StoryAssigner(state, settings);
        long window = settings.window().toMillis();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Instant at = StoryFixtures.START.plus(Duration.ofHours(i));
            long ts = at.toEpochMilli();
            List<EntityMention> entities = tagger.tag(a.title(), a.text());
            StoryProfile profile = assigner.clusterer().profile(a, entities, ts - window, ts + window);
            System.out.printf("%s [%s] entities=%s%n", items.get(i)[0], items.get(i)[1],
                    entities.stream().map(EntityMention::id).toList());
            for (int j = 0; j < i; j++) {
                String earlier = articles.get(j).id();
                state.article(earlier, ts - window, ts).filter(s -> s.terms().length > 0).ifPresent(s -> {
                    double[] parts = assigner.clusterer().components(profile, s);
                    System.out.printf("    vs %-28s score %.3f  entities %.3f  terms %.3f%n",
                            itemName(items, articles, earlier), assigner.clusterer().score(profile, s), parts[0], parts[1]);
                });
            }
            System.out.printf("    => %s%n", assigner.assign(a, entities, at));
        }
    }

    private static String itemName(List<String[]> items, List<Article> articles, String id) {
        for (int k = 0; k < articles.size(); k++) {
            if (articles.get(k).id().equals(id)) {
                return items.get(k)[0] + " [" + items.get(k)[1] + "]";
            }
        }
        return id;
    }
}
