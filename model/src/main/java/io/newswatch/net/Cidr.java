package io.newswatch.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block written in CIDR notation, such as {@code 10.0.0.0/8} or {@code fc00::/7};
 * a bare address is a block of one.
 *
 * <p>Immutable and thread-safe. Parsing never consults DNS: only address literals are accepted.
 */
final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // Hex groups, colons and an optional trailing dotted quad; a zone id (%eth0) makes no sense in a block.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the problem when {@code text} is not an address literal with an
     *                                  optional prefix length, or has bits set beyond the prefix
     */
    static Cidr parse(String text) {
        Objects.requireNonNull(text, "cidr");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = literal(addressPart);
        if (address == null) {
            throw new IllegalArgumentException("CIDR '" + text + "' does not start with an IPv4 or IPv6 address literal");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            if (!prefixPart.matches("\\d{1,3}") || Integer.parseInt(prefixPart) > bits) {
                throw new IllegalArgumentException(
                        "CIDR '" + text + "' has prefix length '" + prefixPart + "'; expected 0 to " + bits);
            }
            prefix = Integer.parseInt(prefixPart);
        }
        byte[] masked = mask(address, prefix);
        if (!Arrays.equals(masked, address)) {
            // A typo such as 10.0.0.1/8 usually means the block was meant; say which one rather than guess.
            throw new IllegalArgumentException("CIDR '" + text + "' has bits set beyond the /" + prefix
                    + " prefix; did you mean " + format(masked) + "/" + prefix + "?");
        }
        return new Cidr(masked, prefix, format(masked) + "/" + prefix);
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal (without brackets) into its 4 or 16 bytes, or returns
     * {@code null} when {@code text} is not one. IPv4-mapped IPv6 literals keep their 16-byte form.
     */
    static byte[] literal(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // With a colon present the JDK parses an IPv6 literal and never asks DNS.
            InetAddress parsed = InetAddress.getByName(text);
            return parsed instanceof Inet4Address ? mapped(parsed.getAddress()) : parsed.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code address} (4 or 16 bytes) lies in this block; an address of the other family never does. */
    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    int prefixLength() {
        return prefixLength;
    }

    /** The canonical text, e.g. {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && other.prefixLength == prefixLength && Arrays.equals(other.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /**
     * Formats 4 or 16 address bytes: dotted quad, or the RFC 5952 IPv6 text (lower case, longest run of zero
     * groups as {@code ::}, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}).
     */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, had " + address.length);
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= address[i] == 0;
        }
        if (mapped && address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
            return "::ffff:" + format(Arrays.copyOfRange(address, 12, 16));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }
}
