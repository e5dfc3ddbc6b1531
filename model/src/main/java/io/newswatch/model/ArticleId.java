package io.newswatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the first 64 bits of SHA-256, as 16 lower-case hex digits.
 *
 * <p>An article's id is {@code ArticleId.of(canonicalUrl)}, so the same page found through two feeds,
 * with or without tracking parameters, gets one id. Thread-safe.
 */
public final class ArticleId {
    private ArticleId() {
    }

    /** Returns the 16-hex-digit id of {@code text}. */
    public static String of(String text) {
        Validate.notNull(text, "text");
        return hash64Hex(text);
    }

    /** Returns 16 hex digits of SHA-256 over the parts joined by U+001F, for composite ids. */
    public static String ofParts(String... parts) {
        return hash64Hex(String.join("\u001f", parts));
    }

    private static String hash64Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
