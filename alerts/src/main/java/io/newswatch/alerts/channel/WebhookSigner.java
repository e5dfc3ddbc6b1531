package io.newswatch.alerts.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signing: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">},
 * one {@code v1,...} per secret, separated by spaces, so that a receiver can rotate keys without a gap.
 * Secrets are {@code whsec_} followed by the base64 of 24 to 64 random bytes, as the spec's libraries generate.
 * Immutable and thread-safe; never prints a secret.
 */
final class WebhookSigner {
    static final String PREFIX = "whsec_";
    private final List<byte[]> keys;

    private WebhookSigner(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * @param secrets one or more {@code whsec_...} secrets, the current one first
     * @throws IllegalArgumentException saying which secret (by position, never its text) is malformed
     */
    static WebhookSigner of(List<String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required (whsec_ followed by base64)");
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(decode(secrets.get(i), secrets.size() == 1 ? "the secret" : "secret " + (i + 1)));
        }
        return new WebhookSigner(List.copyOf(keys));
    }

    private static byte[] decode(String secret, String which) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException(which + " must start with " + PREFIX + " followed by base64 (e.g. from `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not valid base64 after " + PREFIX);
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException(which + " must hold 24 to 64 bytes of key (base64 after " + PREFIX + "), has " + key.length);
        }
        return key;
    }

    /** The {@code webhook-signature} header value for one message. */
    String sign(String id, long timestampSeconds, byte[] body) {
        byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (byte[] key : keys) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(prefix);
                mac.update(body);
                if (!header.isEmpty()) {
                    header.append(' ');
                }
                header.append("v1,").append(Base64.getEncoder().encodeToString(mac.doFinal()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }
        return header.toString();
    }

    @Override
    public String toString() {
        return "WebhookSigner[" + keys.size() + " key(s)]";
    }
}
