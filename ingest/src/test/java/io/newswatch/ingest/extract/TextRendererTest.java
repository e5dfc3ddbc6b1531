package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    @Test
    void shouldMakeParagraphsOfBlocksAndDoubleBreaks() {
        List<TextBlock> blocks = render("<div>One <b>bold</b>\n  word<br>next line<br><br>Second<p>Third <a href=x>link</a></p>"
                + "<ul><li>item</li></ul><pre>  kept\n  as is</pre></div>");

        assertThat(blocks).containsExactly(
                new TextBlock("One bold word\nnext line", "div", 19, 0),
                new TextBlock("Second", "div", 6, 0),
                new TextBlock("Third link", "p", 9, 4),
                new TextBlock("item", "li", 4, 0),
                new TextBlock("kept\n  as is", "pre", 8, 0));
    }

    @Test
    void shouldJoinInlineElementsWithoutAddingSpaces() {
        assertThat(render("<p><span>Dro</span><span>nes</span>\u00a0and\u200bmore</p>"))
                .containsExactly(new TextBlock("Drones and more", "p", 13, 0));
    }

    @Test
    void shouldRenderTableRowsAsParagraphsWithCellsApart() {
        assertThat(render("<table><tr><th>Pos.</th><th>Pilot</th></tr><tr><td>1</td><td><b>Kyle</b>Busch</td></tr></table>"))
                .extracting(TextBlock::text)
                .containsExactly("Pos. Pilot", "1 KyleBusch");
    }

    @Test
    void shouldDropWhitespaceOnlyBlocks() {
        assertThat(render("<div> <p>\u00a0</p> <br><br> </div>")).isEmpty();
    }

    private static List<TextBlock> render(String html) {
        return TextRenderer.render(List.of(Jsoup.parse(html).body()));
    }
}
