package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlPreparerTest {

    @Test
    void dropsTheXmlDeclarationEvenAfterAComment() throws Exception {
        assertThat(XmlPreparer.prepare("  <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss/>")).isEqualTo("\n<rss/>");
        assertThat(XmlPreparer.prepare("<!-- c --><?xml version=\"1.0\"?><rss/>")).isEqualTo("<!-- c --><rss/>");
    }

    @Test
    void htmlEntitiesBecomeCharacterReferencesAndXmlOnesAreKept() throws Exception {
        assertThat(XmlPreparer.prepare("<t>a&nbsp;b&eacute;&amp;&lt;&gt;&quot;&apos;&NotEqualTilde;</t>"))
                .isEqualTo("<t>a&#160;b&#233;&amp;&lt;&gt;&quot;&apos;&#8770;&#824;</t>");
    }

    @Test
    void unknownEntitiesAndBareAmpersandsBecomeText() throws Exception {
        assertThat(XmlPreparer.prepare("<t a=\"?x=1&y=2\">AT&T &bogus; & &#; &#xZZ;</t>"))
                .isEqualTo("<t a=\"?x=1&amp;y=2\">AT&amp;T &amp;bogus; &amp; &amp;#; &amp;#xZZ;</t>");
    }

    @Test
    void characterReferencesAreNormalisedAndIllegalOnesDropped() throws Exception {
        assertThat(XmlPreparer.prepare("<t>&#X41;&#x42;&#67;&#1;&#xFFFF;&#1114112;</t>")).isEqualTo("<t>&#65;&#66;&#67;&amp;#1114112;</t>");
    }

    @Test
    void controlCharactersXmlForbidsAreRemoved() throws Exception {
        assertThat(XmlPreparer.prepare("<t>a\u0000b\u000Cc\u001Bd\tok\uFFFE\uD800</t>")).isEqualTo("<t>abcd\tok</t>");
    }

    @Test
    void commentsAndCdataAreCopiedUntouched() throws Exception {
        String xml = "<t><!-- &nbsp; <!DOCTYPE x [ ]> --><![CDATA[&nbsp; & <!DOCTYPE y [ ]>]]></t>";
        assertThat(XmlPreparer.prepare(xml)).isEqualTo(xml);
    }

    @Test
    void doctypeWithoutInternalSubsetIsRemovedUnread() throws Exception {
        assertThat(XmlPreparer.prepare("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://x/rss-0.91.dtd\">\n<rss/>"))
                .isEqualTo("\n<rss/>");
        // A '[' inside a quoted system id is not a subset.
        assertThat(XmlPreparer.prepare("<!DOCTYPE rss SYSTEM \"http://x/a[1].dtd\"><rss/>")).isEqualTo("<rss/>");
    }

    @Test
    void doctypeWithInternalSubsetIsRefused() {
        assertThatThrownBy(() -> XmlPreparer.prepare("<!doctype rss [<!ENTITY a \"b\">]><rss>&a;</rss>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE is not allowed: the document declares an internal subset");
    }

    @Test
    void aCdataOpenerInsideAProcessingInstructionDoesNotHideADoctype() {
        String xml = "<?pi <![CDATA[ ?><!DOCTYPE r [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><r>&a;</r> ]]>";

        assertThatThrownBy(() -> XmlPreparer.prepare(xml))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE is not allowed: the document declares an internal subset");
    }

    @Test
    void processingInstructionsAreCopiedUntouched() throws Exception {
        assertThat(XmlPreparer.prepare("<?xml-stylesheet href=\"a.xsl?x=1&y=2\"?><rss/>")).isEqualTo("<?xml-stylesheet href=\"a.xsl?x=1&y=2\"?><rss/>");
    }

    @Test
    void unterminatedDoctypeIsNotWellFormed() {
        assertThatThrownBy(() -> XmlPreparer.prepare("<!DOCTYPE rss SYSTEM \"x"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not well-formed XML: unterminated DOCTYPE declaration");
    }
}
