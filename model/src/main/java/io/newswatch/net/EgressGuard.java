package io.newswatch.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a URL may be fetched, so that a feed or a link in one cannot make us request our own
 * network (server-side request forgery): the loopback interface, private and carrier-grade NAT ranges, link-local
 * addresses including the cloud metadata service at {@code 169.254.169.254}, unique-local IPv6, multicast,
 * broadcast, reserved and documentation blocks, and IPv6 forms that carry any of those IPv4 addresses (see
 * {@link SpecialAddresses} for the full table).
 *
 * <p>A URL is allowed when its scheme is {@code http} or {@code https}, its host is not a name under
 * {@code localhost} (RFC 6761; refused by name, whatever the resolver says), and <em>every</em> address the
 * host resolves to is globally reachable or lies in the allow-list. One bad address is enough to refuse, since
 * the client may connect to any of them.
 *
 * <h2>DNS rebinding</h2>
 * The guard resolves the host itself and the HTTP client resolves it again when it connects, so a name whose
 * answer changes in between could slip past. The resolved address is <em>not</em> pinned, because the JDK
 * {@link java.net.http.HttpClient} has no per-client resolver and connecting to the address literal instead of
 * the name would break TLS server name indication and certificate checks. What closes the gap in practice is
 * the JVM's own address cache: a successful lookup is kept for {@code networkaddress.cache.ttl} seconds (30 by
 * default), and the client's lookup milliseconds after ours is answered from that cache, whatever TTL the
 * attacker's DNS server sets. Deployments must therefore not set that property (or {@code sun.net.inetaddr.ttl})
 * to 0. A network egress policy remains the real boundary; this guard keeps honest mistakes and hostile feed
 * content from reaching it.
 *
 * <p>Used for feed and page fetches (ingest) and for webhook, Slack and Teams URLs (alert delivery).
 *
 * <p>Immutable and thread-safe. {@link #check} blocks while the host name is resolved.
 */
public final class EgressGuard {

    /**
     * The answer of {@link #check}.
     *
     * @param verdict whether the URL may be fetched
     * @param reason  why not, naming the host and the offending address; {@code null} when allowed
     */
    public record Decision(Verdict verdict, String reason) {

        /** How a check ended. */
        public enum Verdict {
            /** Every resolved address may be contacted. */
            ALLOWED,
            /** The URL points at a forbidden scheme, name or address. */
            REFUSED,
            /** The host has no address (DNS failure); a network problem, not an attack. */
            UNRESOLVABLE
        }

        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            if ((verdict == Verdict.ALLOWED) != (reason == null)) {
                throw new IllegalArgumentException("a reason is required exactly when the verdict is not ALLOWED");
            }
        }

        static final Decision ALLOW = new Decision(Verdict.ALLOWED, null);

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    /** Host name resolution, replaceable in tests so that names can resolve to chosen addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final EgressGuard STRICT = new EgressGuard(List.of(), InetAddress::getAllByName);

    private final List<Cidr> allowList;
    private final Resolver resolver;
    /** Origins ({@code scheme://host:port}) admitted whatever their address; see {@link #withOrigin}. */
    private final List<String> origins;

    EgressGuard(List<Cidr> allowList, Resolver resolver) {
        this(allowList, resolver, List.of());
    }

    private EgressGuard(List<Cidr> allowList, Resolver resolver, List<String> origins) {
        this.allowList = List.copyOf(allowList);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.origins = List.copyOf(origins);
    }

    /** A guard that refuses every address that is not globally reachable. */
    public static EgressGuard strict() {
        return STRICT;
    }

    /**
     * A guard that also admits addresses in {@code cidrs}, e.g. {@code List.of("127.0.0.0/8")} for tests against
     * a local server or {@code "10.20.0.0/16"} for an internal feed mirror. Names under {@code localhost} stay
     * refused: the list admits addresses, not names.
     *
     * @param cidrs blocks such as {@code 10.20.0.0/16} or {@code fd00:1::/64}; a bare address admits just itself;
     *              the list is copied
     * @throws IllegalArgumentException naming the entry that is not a valid block
     */
    public static EgressGuard allowing(List<String> cidrs) {
        Objects.requireNonNull(cidrs, "cidrs");
        List<Cidr> parsed = new ArrayList<>(cidrs.size());
        for (int i = 0; i < cidrs.size(); i++) {
            String cidr = cidrs.get(i);
            if (cidr == null) {
                throw new NullPointerException("cidrs[" + i + "] must not be null");
            }
            parsed.add(Cidr.parse(cidr));
        }
        return new EgressGuard(parsed, InetAddress::getAllByName);
    }

    /** This guard with another resolver; for tests. */
    public EgressGuard withResolver(Resolver other) {
        return new EgressGuard(allowList, other, origins);
    }

    /**
     * This guard, also admitting the one origin of {@code url} (its scheme, host and port, exactly as written)
     * whatever address it has: for a server of our own on the loopback interface, such as the demo feed. Other
     * ports and hosts of the same address stay refused. Give such a guard only to the fetches of the feed that
     * needs it, never to every feed: a hostile feed could otherwise redirect there.
     *
     * @param url an absolute http(s) URL with a host, e.g. {@code http://127.0.0.1:41234/feed.xml}
     * @throws IllegalArgumentException when {@code url} is not one
     */
    public EgressGuard withOrigin(URI url) {
        Objects.requireNonNull(url, "url");
        String origin = originOf(url);
        if (origin == null) {
            throw new IllegalArgumentException("an origin must be an absolute http or https URL with a host, was " + url);
        }
        List<String> more = new ArrayList<>(origins);
        more.add(origin);
        return new EgressGuard(allowList, resolver, more);
    }

    /** {@code scheme://host:port} with the default port made explicit, or null when not an http(s) URL with a host. */
    private static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = hostOf(uri);
        if (!"http".equals(scheme) && !"https".equals(scheme) || host == null) {
            return null;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(scheme) ? 80 : 443;
        return scheme + "://" + host + ":" + port;
    }

    /**
     * Checks {@code uri}, resolving its host (an address literal is parsed without a lookup).
     *
     * @return {@link Decision.Verdict#ALLOWED}, or a refusal or resolution failure with a reason such as
     *         {@code "host 10.0.0.1 is a private address (10.0.0.0/8)"}
     */
    public Decision check(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return refuse(scheme == null
                    ? "URL " + uri + " is not absolute"
                    : "scheme " + scheme + " is not allowed (only http and https)");
        }
        String host = hostOf(uri);
        if (host == null) {
            return refuse("URL " + uri + " has no host");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return refuse("host " + host + " is a loopback name");
        }
        if (!origins.isEmpty() && origins.contains(originOf(uri))) {
            return Decision.ALLOW;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Decision(Decision.Verdict.UNRESOLVABLE, "host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            return new Decision(Decision.Verdict.UNRESOLVABLE, "host " + host + " has no address");
        }
        byte[] literal = Cidr.literal(host);
        for (InetAddress address : addresses) {
            byte[] bytes = address.getAddress();
            String why = refusal(bytes);
            if (why != null) {
                return refuse(Arrays.equals(literal, bytes)
                        ? "host " + host + " is " + why
                        : "host " + host + " resolves to " + Cidr.format(bytes) + ", " + why);
            }
        }
        return Decision.ALLOW;
    }

    @Override
    public String toString() {
        String extra = origins.isEmpty() ? "" : (allowList.isEmpty() ? "strict, " : "") + "origins " + origins;
        return allowList.isEmpty() && origins.isEmpty() ? "EgressGuard[strict]"
                : "EgressGuard[" + (allowList.isEmpty() ? "" : "allowing " + allowList + (extra.isEmpty() ? "" : ", ")) + extra + "]";
    }

    private String refusal(byte[] address) {
        byte[] effective = SpecialAddresses.unmapped(address);
        for (Cidr allowed : allowList) {
            if (allowed.contains(effective) || allowed.contains(address)) {
                return null;
            }
        }
        return SpecialAddresses.refusal(address);
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        // "localhost." is the same name as "localhost"; strip the root label before comparing.
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static Decision refuse(String reason) {
        return new Decision(Decision.Verdict.REFUSED, reason);
    }
}
