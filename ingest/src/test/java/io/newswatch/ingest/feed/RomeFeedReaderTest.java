package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdom2.input.JDOMParseException;
import org.junit.jupiter.api.Test;

/** The second wall: Rome's own parser, reached only after {@link XmlPreparer}, must still refuse DOCTYPEs. */
class RomeFeedReaderTest {

    @Test
    void romesParserRefusesADoctypeThatGotPastThePreparer() {
        String xxe = "<!DOCTYPE rss [<!ENTITY a SYSTEM \"file:///etc/hostname\">]><rss version=\"2.0\"><channel><title>&a;</title></channel></rss>";

        assertThatThrownBy(() -> new RomeFeedReader.HardenedInput().parse(xxe))
                .isInstanceOf(JDOMParseException.class)
                .hasMessageContaining("DOCTYPE is disallowed");
    }
}
