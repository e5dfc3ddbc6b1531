package io.newswatch.alerts.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.newswatch.alerts.web.Sessions.Session;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling, and whether they may: a bearer token ({@code Authorization: Bearer}), or the desk's session
 * cookie. A request signed in by cookie that changes state must come from the desk's own page: its
 * {@code Origin} (when sent) must be this service, {@code Sec-Fetch-Site} (when sent) same-origin, and it must
 * carry the session's CSRF token in {@code X-CSRF-Token}; a bearer token is never sent by a browser on its own,
 * so it needs neither. Nothing here logs or returns a token. Thread-safe.
 */
final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String COOKIE = "nw_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String WHO = "newswatch.who";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    /** The caller: a token holder's name and role, and the session when signed in by cookie. */
    record Caller(String name, Role role, Session session) {
    }

    private final AccessTokens tokens;
    private final Sessions sessions;

    Access(AccessTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** Authenticates {@code ctx}; throws {@link ApiError} 401 or 403 when it may not go on. */
    void authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized(ctx, "Authorization must be 'Bearer <token>'");
            }
            AccessTokens.Holder h = tokens.find(auth.substring(7).trim())
                    .orElseThrow(() -> unauthorized(ctx, "the bearer token is not known"));
            ctx.attribute(WHO, new Caller(h.name(), h.role(), null));
            return;
        }
        Session s = sessions.find(ctx.cookie(COOKIE)).orElseThrow(() -> unauthorized(ctx, "sign in, or send Authorization: Bearer <token>"));
        if (!SAFE.contains(ctx.method())) {
            requireSameOrigin(ctx);
            if (!Sessions.csrfMatches(s, ctx.header(CSRF_HEADER))) {
                LOG.warn("refused {} {} by {}: missing or wrong {}", ctx.method(), ctx.path(), s.name(), CSRF_HEADER);
                throw new ApiError(HttpStatus.FORBIDDEN, "cross-site request refused: " + CSRF_HEADER + " is missing or wrong");
            }
        }
        ctx.attribute(WHO, new Caller(s.name(), s.role(), s));
    }

    /** Refuses a request a page of another site made: a foreign {@code Origin} or {@code Sec-Fetch-Site}. */
    static void requireSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw crossSite(ctx, "Sec-Fetch-Site " + site);
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            String host = ctx.header("Host");
            String originHost;
            try {
                URI u = URI.create(origin);
                originHost = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            } catch (IllegalArgumentException e) {
                originHost = null;
            }
            if (host == null || originHost == null || !originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
                throw crossSite(ctx, "Origin " + origin);
            }
        }
    }

    private static ApiError crossSite(Context ctx, String why) {
        LOG.warn("refused cross-site {} {} ({})", ctx.method(), ctx.path(), why.length() > 200 ? why.substring(0, 200) : why);
        return new ApiError(HttpStatus.FORBIDDEN, "cross-site request refused");
    }

    private static ApiError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"newswatch\"");
        return new ApiError(HttpStatus.UNAUTHORIZED, message);
    }

    /** The authenticated caller of {@code ctx}, refused with 403 unless its role covers {@code needed}. */
    static Caller require(Context ctx, Role needed) {
        Caller c = ctx.attribute(WHO);
        if (c == null) {
            throw new ApiError(HttpStatus.UNAUTHORIZED, "sign in, or send Authorization: Bearer <token>");
        }
        if (!c.role().covers(needed)) {
            throw new ApiError(HttpStatus.FORBIDDEN, c.role().wire() + " may not do this; it needs the " + needed.wire() + " role");
        }
        return c;
    }

    /** Signs in with {@code token}: a new session, or empty when the token is unknown. */
    Optional<Session> signIn(String token) {
        return tokens.find(token).map(sessions::open);
    }

    void signOut(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
    }
}
