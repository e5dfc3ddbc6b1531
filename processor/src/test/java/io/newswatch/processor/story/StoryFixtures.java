package io.newswatch.processor.story;

import io.newswatch.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The invented articles under {@code src/test/resources/stories}, in manifest order. */
final class StoryFixtures {
    static final Instant START = Instant.parse("2025-06-03T08:00:00Z");

    /** One manifest row and its article. */
    record Fixture(String file, String lang, String story, String kind, Article article) {
    }

    private StoryFixtures() {
    }

    static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>();
        for (String line : read("manifest.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            out.add(new Fixture(cols[0], cols[1], cols[2], cols[3], article(cols[0], cols[1])));
        }
        return out;
    }

    /** The article in {@code file}: first line title, the rest body; its URL is made from the file name. */
    static Article article(String file, String lang) {
        String content = read(file);
        int nl = content.indexOf('\n');
        return Article.builder("https://news.example/" + file.replace(".txt", ""))
                .source("fixture")
                .title(content.substring(0, nl).strip())
                .text(content.substring(nl + 1).strip())
                .lang(lang)
                .fetchedAt(START)
                .build();
    }

    static String read(String file) {
        try (InputStream in = StoryFixtures.class.getResourceAsStream("/stories/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
