package io.newswatch.ingest.extract;

/**
 * One paragraph of rendered text. Immutable.
 *
 * @param text      the paragraph, whitespace collapsed, lines separated by {@code \n}, never blank
 * @param tag       the name of the innermost block element it came from ({@code p}, {@code h2}, {@code li}, ...)
 * @param chars     visible (non-whitespace) characters
 * @param linkChars visible characters inside links
 */
record TextBlock(String text, String tag, int chars, int linkChars) {

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    boolean isHeading() {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
