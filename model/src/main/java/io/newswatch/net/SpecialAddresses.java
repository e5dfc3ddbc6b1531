package io.newswatch.net;

import java.util.Arrays;
import java.util.List;

/**
 * The address blocks that are not globally reachable, after the IANA IPv4 and IPv6 special-purpose address
 * registries, each with the reason a refusal quotes.
 *
 * <p>IPv6 addresses that carry an IPv4 address (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
 * {@code ::/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address they carry,
 * so {@code ::ffff:127.0.0.1} and {@code 2002:7f00:1::} are refused like {@code 127.0.0.1}. Teredo sits in
 * {@code 2001::/23}, which is refused whole: it obfuscates the address it carries and no news site is
 * reachable only that way. Anything outside global unicast {@code 2000::/3} is refused as well, so blocks that
 * IANA assigns later are refused until reviewed.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecialAddresses {

    private record Block(Cidr cidr, String what) {
        static Block of(String cidr, String what) {
            return new Block(Cidr.parse(cidr), what);
        }
    }

    // Order matters only where blocks nest: the first match names the reason.
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/32", "the unspecified address"),
            Block.of("0.0.0.0/8", "a \"this network\" address"),
            Block.of("10.0.0.0/8", "a private address"),
            Block.of("100.64.0.0/10", "a carrier-grade NAT address"),
            Block.of("127.0.0.0/8", "a loopback address"),
            Block.of("169.254.169.254/32", "the cloud metadata address"),
            Block.of("169.254.0.0/16", "a link-local address"),
            Block.of("172.16.0.0/12", "a private address"),
            Block.of("192.0.0.0/24", "an IETF protocol assignment"),
            Block.of("192.0.2.0/24", "a documentation address"),
            Block.of("192.168.0.0/16", "a private address"),
            Block.of("198.18.0.0/15", "a benchmarking address"),
            Block.of("198.51.100.0/24", "a documentation address"),
            Block.of("203.0.113.0/24", "a documentation address"),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", "a reserved address"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", "the unspecified address"),
            Block.of("::1/128", "a loopback address"),
            Block.of("64:ff9b:1::/48", "a local-use NAT64 address"),
            Block.of("100::/64", "a discard-only address"),
            Block.of("2001::/23", "an IETF protocol assignment such as Teredo"),
            Block.of("2001:db8::/32", "a documentation address"),
            Block.of("3fff::/20", "a documentation address"),
            Block.of("fc00::/7", "a unique-local address"),
            Block.of("fe80::/10", "a link-local address"),
            Block.of("fec0::/10", "a site-local address"),
            Block.of("ff00::/8", "a multicast address"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private SpecialAddresses() {
    }

    /**
     * Says why {@code address} (4 or 16 bytes, not mutated) must not be fetched from, e.g.
     * {@code "a private address (10.0.0.0/8)"}, or returns {@code null} when it is globally reachable.
     */
    static String refusal(byte[] address) {
        if (address.length == 4) {
            return ipv4(address);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, had " + address.length);
        }
        // The fixed blocks first, so that :: and ::1 are not read as IPv4-compatible 0.0.0.0 and 0.0.0.1.
        for (Block block : IPV6) {
            if (block.cidr().contains(address)) {
                return block.what() + " (" + block.cidr() + ")";
            }
        }
        if (MAPPED.contains(address)) {
            return embedded("IPv4-mapped", Arrays.copyOfRange(address, 12, 16));
        }
        if (COMPATIBLE.contains(address)) {
            String inner = embedded("IPv4-compatible", Arrays.copyOfRange(address, 12, 16));
            return inner != null ? inner : "a deprecated IPv4-compatible address (::/96)";
        }
        if (NAT64.contains(address)) {
            return embedded("NAT64", Arrays.copyOfRange(address, 12, 16));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded("6to4", Arrays.copyOfRange(address, 2, 6));
        }
        if (!GLOBAL_UNICAST.contains(address)) {
            return "not a global unicast address (outside 2000::/3)";
        }
        return null;
    }

    /** For an IPv4-mapped IPv6 address, the IPv4 address it stands for; otherwise {@code address} itself. */
    static byte[] unmapped(byte[] address) {
        return address.length == 16 && MAPPED.contains(address) ? Arrays.copyOfRange(address, 12, 16) : address;
    }

    private static String ipv4(byte[] address) {
        for (Block block : IPV4) {
            if (block.cidr().contains(address)) {
                return block.what() + " (" + block.cidr() + ")";
            }
        }
        return null;
    }

    private static String embedded(String form, byte[] ipv4) {
        String inner = ipv4(ipv4);
        return inner == null ? null : "the " + form + " form of " + Cidr.format(ipv4) + ", " + inner;
    }
}
