package io.newswatch.alerts.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desk sign-ins: a random session id (the HttpOnly cookie) mapped to who signed in and that session's CSRF token.
 * Sessions expire after {@code ttl} without use and are held in memory only (a restart signs everyone out; the
 * page signs in again). At most {@link #MAX} live at once: beyond that the least recently used is dropped.
 * Thread-safe.
 */
public final class Sessions {
    static final int MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One sign-in.
     *
     * @param id   the cookie value
     * @param name the token holder's name
     * @param role the holder's role
     * @param csrf the token the page sends back in {@code X-CSRF-Token} with every state-changing request
     */
    public record Session(String id, String name, Role role, String csrf) {
        @Override
        public String toString() {
            return "Session[" + name + ", " + role.wire() + "]";
        }
    }

    private record Entry(Session session, Instant lastUsed) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public Sessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session for {@code holder}. */
    public Session open(AccessTokens.Holder holder) {
        Session s = new Session(random(), holder.name(), holder.role(), random());
        byId.put(s.id(), new Entry(s, clock.instant()));
        if (byId.size() > MAX) {
            expire();
            while (byId.size() > MAX) {
                byId.values().stream().min(Comparator.comparing(Entry::lastUsed)).ifPresent(e -> byId.remove(e.session().id()));
            }
        }
        return s;
    }

    /** The live session with cookie value {@code id}, touched; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Entry e = byId.get(id);
        Instant now = clock.instant();
        if (e == null) {
            return Optional.empty();
        }
        if (e.lastUsed().plus(ttl).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        byId.put(id, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    /** Whether {@code presented} is the session's CSRF token (constant-time comparison). */
    public static boolean csrfMatches(Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrf().getBytes(), presented.getBytes());
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(ttl);
        byId.values().removeIf(e -> e.lastUsed().isBefore(cutoff));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
