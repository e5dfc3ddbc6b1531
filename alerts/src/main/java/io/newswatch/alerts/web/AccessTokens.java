package io.newswatch.alerts.web;

import io.newswatch.alerts.AlertsConfig;
import io.newswatch.config.Config;
import io.newswatch.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens that may use the desk and API ({@code alerts.auth.tokens}), held only as SHA-256 digests. A presented
 * token is hashed and compared with every digest in constant time, so neither the comparison nor the position of a
 * match leaks through timing. Immutable and thread-safe.
 */
public final class AccessTokens {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One token holder.
     *
     * @param name   who holds it (shown in feedback as who did what)
     * @param role   what it may do
     * @param digest SHA-256 of the token
     */
    public record Holder(String name, Role role, byte[] digest) {
        @Override
        public String toString() {
            return "Holder[" + name + ", " + role.wire() + "]"; // never the digest
        }
    }

    private final List<Holder> holders;

    public AccessTokens(List<Holder> holders) {
        this.holders = List.copyOf(holders);
    }

    /**
     * The tokens of {@code alerts.auth.tokens}.
     *
     * @throws ConfigException naming the entry and field to fix (never repeating a digest)
     */
    public static AccessTokens fromConfig(Config config) {
        String key = AlertsConfig.AUTH_TOKENS.name();
        List<Holder> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> entries = config.get(AlertsConfig.AUTH_TOKENS);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            String at = key + "[" + i + "]";
            for (String k : e.keySet()) {
                if (!Set.of("name", "role", "sha256").contains(k)) {
                    throw new ConfigException(at + ": unknown field '" + k + "' (expected name, role, sha256)");
                }
            }
            String name = e.get("name") == null ? null : String.valueOf(e.get("name"));
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ConfigException(at + ".name must be 1-100 letters, digits, '.', '_', '@' or '-'");
            }
            if (!names.add(name)) {
                throw new ConfigException(at + ".name '" + name + "' is used twice; each token holder needs its own name");
            }
            Role role;
            try {
                role = Role.parse(e.get("role") == null ? null : String.valueOf(e.get("role")));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(at + ".role: " + ex.getMessage());
            }
            Object sha = e.get("sha256");
            if (sha == null || !SHA256.matcher(String.valueOf(sha)).matches()) {
                throw new ConfigException(at + ".sha256 must be the 64 hex digits of the token's SHA-256 (newswatch tokens new prints it)");
            }
            out.add(new Holder(name, role, HexFormat.of().parseHex(String.valueOf(sha).toLowerCase())));
        }
        return new AccessTokens(out);
    }

    /** Checks a token holder's name: 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name must be 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** These tokens plus one more (for {@code run --demo}'s fresh admin token). */
    public AccessTokens with(String name, Role role, String token) {
        List<Holder> all = new ArrayList<>(holders);
        all.add(new Holder(name, role, sha256(token)));
        return new AccessTokens(all);
    }

    public boolean isEmpty() {
        return holders.isEmpty();
    }

    /** The holder of {@code token}, if any; every digest is compared, in constant time. */
    public Optional<Holder> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        Holder found = null;
        for (Holder h : holders) {
            if (MessageDigest.isEqual(h.digest(), digest) && found == null) {
                found = h;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token: 32 bytes from a {@link SecureRandom}, URL-safe base64 with a {@code nw_} prefix. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "nw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The hex SHA-256 of {@code token}, as {@code alerts.auth.tokens[].sha256} holds it. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
