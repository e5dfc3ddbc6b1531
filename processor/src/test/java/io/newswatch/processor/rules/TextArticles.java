package io.newswatch.processor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the plain-text article fixtures: first line the title, the rest the body. */
final class TextArticles {
    private TextArticles() {
    }

    static MatchInput read(Path file, String lang) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int newline = content.indexOf('\n');
        String title = newline < 0 ? content : content.substring(0, newline);
        String body = newline < 0 ? "" : content.substring(newline + 1);
        return new MatchInput(file.getFileName().toString(), title.strip(), body.strip(), lang, List.of());
    }
}
