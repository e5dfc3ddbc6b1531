package io.newswatch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.net.EgressGuard.Decision;
import io.newswatch.net.EgressGuard.Decision.Verdict;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses and a scripted resolver, so no test here depends on real DNS. */
class EgressGuardTest {

    /** Names resolve from a fixed table; numeric hosts are parsed by the JDK, which never asks DNS for them. */
    private static final EgressGuard.Resolver SCRIPTED = host -> {
        Map<String, String[]> table = Map.of(
                "news.example", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
                "rebind.example", new String[] {"93.184.216.34", "10.0.0.1"},
                "metadata.example", new String[] {"169.254.169.254"});
        String[] answer = table.get(host);
        if (answer != null) {
            InetAddress[] out = new InetAddress[answer.length];
            for (int i = 0; i < answer.length; i++) {
                out[i] = InetAddress.getByName(answer[i]);
            }
            return out;
        }
        if (host.matches("[0-9a-fA-F.:]+") && (host.contains(":") || host.matches("[0-9.]+"))) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };

    private final EgressGuard strict = EgressGuard.strict().withResolver(SCRIPTED);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/feed                  | host 127.0.0.1 is a loopback address (127.0.0.0/8)
            http://127.9.9.9:8080/                 | host 127.9.9.9 is a loopback address (127.0.0.0/8)
            http://10.0.0.1/                       | host 10.0.0.1 is a private address (10.0.0.0/8)
            http://172.16.5.4/                     | host 172.16.5.4 is a private address (172.16.0.0/12)
            http://172.31.255.255/                 | host 172.31.255.255 is a private address (172.16.0.0/12)
            http://192.168.1.1/                    | host 192.168.1.1 is a private address (192.168.0.0/16)
            http://169.254.169.254/latest/meta-data | host 169.254.169.254 is the cloud metadata address (169.254.169.254/32)
            http://169.254.1.1/                    | host 169.254.1.1 is a link-local address (169.254.0.0/16)
            http://100.64.0.1/                     | host 100.64.0.1 is a carrier-grade NAT address (100.64.0.0/10)
            http://100.127.255.255/                | host 100.127.255.255 is a carrier-grade NAT address (100.64.0.0/10)
            http://0.0.0.0/                        | host 0.0.0.0 is the unspecified address (0.0.0.0/32)
            http://0.1.2.3/                        | host 0.1.2.3 is a "this network" address (0.0.0.0/8)
            http://224.0.0.251/                    | host 224.0.0.251 is a multicast address (224.0.0.0/4)
            http://255.255.255.255/                | host 255.255.255.255 is the broadcast address (255.255.255.255/32)
            http://240.0.0.1/                      | host 240.0.0.1 is a reserved address (240.0.0.0/4)
            http://192.0.2.10/                     | host 192.0.2.10 is a documentation address (192.0.2.0/24)
            http://198.18.0.1/                     | host 198.18.0.1 is a benchmarking address (198.18.0.0/15)
            http://2130706433/                     | host 2130706433 resolves to 127.0.0.1, a loopback address (127.0.0.0/8)
            http://127.1/                          | URL http://127.1/ has no host
            http://[::1]/                          | host ::1 is a loopback address (::1/128)
            http://[::]/                           | host :: is the unspecified address (::/128)
            http://[::ffff:127.0.0.1]/             | host ::ffff:127.0.0.1 resolves to 127.0.0.1, a loopback address (127.0.0.0/8)
            http://[::ffff:a9fe:a9fe]/             | host ::ffff:a9fe:a9fe resolves to 169.254.169.254, the cloud metadata address (169.254.169.254/32)
            http://[::a00:1]/                      | host ::a00:1 is the IPv4-compatible form of 10.0.0.1, a private address (10.0.0.0/8)
            http://[::808:808]/                    | host ::808:808 is a deprecated IPv4-compatible address (::/96)
            http://[64:ff9b::a00:1]/               | host 64:ff9b::a00:1 is the NAT64 form of 10.0.0.1, a private address (10.0.0.0/8)
            http://[2002:a9fe:a9fe::1]/            | host 2002:a9fe:a9fe::1 is the 6to4 form of 169.254.169.254, the cloud metadata address (169.254.169.254/32)
            http://[fe80::1]/                      | host fe80::1 is a link-local address (fe80::/10)
            http://[fd12:3456::1]/                 | host fd12:3456::1 is a unique-local address (fc00::/7)
            http://[fc00::1]/                      | host fc00::1 is a unique-local address (fc00::/7)
            http://[fec0::1]/                      | host fec0::1 is a site-local address (fec0::/10)
            http://[ff02::1]/                      | host ff02::1 is a multicast address (ff00::/8)
            http://[2001:db8::1]/                  | host 2001:db8::1 is a documentation address (2001:db8::/32)
            http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/ | host 2001:0:4136:e378:8000:63bf:3fff:fdd2 is an IETF protocol assignment such as Teredo (2001::/23)
            http://[100::1]/                       | host 100::1 is a discard-only address (100::/64)
            http://[4000::1]/                      | host 4000::1 is not a global unicast address (outside 2000::/3)
            http://news.example@10.0.0.1/          | host 10.0.0.1 is a private address (10.0.0.0/8)
            http://rebind.example/                 | host rebind.example resolves to 10.0.0.1, a private address (10.0.0.0/8)
            http://metadata.example/               | host metadata.example resolves to 169.254.169.254, the cloud metadata address (169.254.169.254/32)
            http://localhost:8080/                 | host localhost is a loopback name
            http://LocalHost./                     | host localhost is a loopback name
            http://feeds.localhost/                | host feeds.localhost is a loopback name
            file:///etc/passwd                     | scheme file is not allowed (only http and https)
            ftp://news.example/feed.xml            | scheme ftp is not allowed (only http and https)
            jar:http://news.example/a.jar!/x       | scheme jar is not allowed (only http and https)
            /relative/feed.xml                     | URL /relative/feed.xml is not absolute
            http:///no-host                        | URL http:///no-host has no host
            """)
    void shouldRefuseAddressesThatAreNotGloballyReachable(String url, String reason) {
        assertThat(strict.check(URI.create(url))).isEqualTo(new Decision(Verdict.REFUSED, reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://93.184.216.34/feed", "https://8.8.8.8/", "http://172.32.0.1/", "http://100.128.0.1/",
            "http://[2606:4700::1111]/", "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::808:808]/",
            "http://[2002:808:808::1]/", "HTTPS://news.example:8443/rss?x=1"})
    void shouldAllowGloballyReachableAddresses(String url) {
        assertThat(strict.check(URI.create(url))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void shouldJudgeAnIpv4MappedAddressByItsIpv4PartWhenTheResolverKeepsTheIpv6Form() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        EgressGuard guard = EgressGuard.strict().withResolver(host -> new InetAddress[] {v6});

        assertThat(guard.check(URI.create("http://mapped.example/")).reason()).isEqualTo(
                "host mapped.example resolves to ::ffff:127.0.0.1, the IPv4-mapped form of 127.0.0.1, a loopback address (127.0.0.0/8)");
    }

    @Test
    void shouldReportAnUnknownHostAsUnresolvableRatherThanRefused() {
        assertThat(strict.check(URI.create("http://gone.example/feed")))
                .isEqualTo(new Decision(Verdict.UNRESOLVABLE, "host gone.example cannot be resolved"));
        assertThat(EgressGuard.strict().withResolver(h -> new InetAddress[0]).check(URI.create("http://empty.example/")))
                .isEqualTo(new Decision(Verdict.UNRESOLVABLE, "host empty.example has no address"));
    }

    @Test
    void shouldAdmitOnlyTheAllowListedBlock() {
        EgressGuard guard = EgressGuard.allowing(List.of("127.0.0.0/8", "fd00:1::/64")).withResolver(SCRIPTED);

        assertThat(guard.check(URI.create("http://127.0.0.1:8080/")).allowed()).isTrue();
        assertThat(guard.check(URI.create("http://127.0.0.2/")).allowed()).isTrue();
        assertThat(guard.check(URI.create("http://[::ffff:127.0.0.1]/")).allowed()).isTrue();
        assertThat(guard.check(URI.create("http://[fd00:1::5]/")).allowed()).isTrue();
        assertThat(guard.check(URI.create("http://[fd00:2::5]/")).reason())
                .isEqualTo("host fd00:2::5 is a unique-local address (fc00::/7)");
        assertThat(guard.check(URI.create("http://10.0.0.1/")).reason())
                .isEqualTo("host 10.0.0.1 is a private address (10.0.0.0/8)");
        assertThat(guard.check(URI.create("http://[::1]/")).reason())
                .isEqualTo("host ::1 is a loopback address (::1/128)");
        // The list admits addresses, never the name.
        assertThat(guard.check(URI.create("http://localhost/")).reason()).isEqualTo("host localhost is a loopback name");
    }

    /** Issue "Hostile input", class 8: the demo feed's allowance is its server's origin, not the loopback block. */
    @Test
    void shouldAdmitExactlyTheGivenOriginAndNothingElseOnItsAddress() {
        EgressGuard guard = EgressGuard.strict().withResolver(SCRIPTED).withOrigin(URI.create("http://127.0.0.1:41234/feed.xml"));

        assertThat(guard.check(URI.create("http://127.0.0.1:41234/pages/a.html")).allowed()).isTrue();
        assertThat(guard.check(URI.create("HTTP://127.0.0.1:41234/")).allowed()).isTrue();
        assertThat(guard.check(URI.create("http://127.0.0.1:8080/api/alerts")).reason())
                .isEqualTo("host 127.0.0.1 is a loopback address (127.0.0.0/8)");
        assertThat(guard.check(URI.create("https://127.0.0.1:41234/")).reason())
                .isEqualTo("host 127.0.0.1 is a loopback address (127.0.0.0/8)");
        assertThat(guard.check(URI.create("http://127.0.0.2:41234/")).reason())
                .isEqualTo("host 127.0.0.2 is a loopback address (127.0.0.0/8)");
        assertThat(guard.check(URI.create("http://localhost:41234/")).reason()).isEqualTo("host localhost is a loopback name");
        assertThat(guard.check(URI.create("http://news.example/")).allowed()).isTrue();
        assertThat(EgressGuard.strict().withOrigin(URI.create("http://127.0.0.1/")).check(URI.create("http://127.0.0.1:80/x")).allowed()).isTrue();
        assertThat(guard.toString()).isEqualTo("EgressGuard[strict, origins [http://127.0.0.1:41234]]");
        assertThatThrownBy(() -> EgressGuard.strict().withOrigin(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an origin must be an absolute http or https URL with a host, was file:///etc/passwd");
    }

    @Test
    void shouldRefuseWhenAnyOneOfSeveralAddressesIsForbidden() {
        assertThat(strict.check(URI.create("http://news.example/")).allowed()).isTrue();
        assertThat(strict.check(URI.create("http://rebind.example/")).verdict()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void shouldRejectMalformedAllowListEntriesByName() {
        assertThatThrownBy(() -> EgressGuard.allowing(List.of("10.0.0.1/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CIDR '10.0.0.1/8' has bits set beyond the /8 prefix; did you mean 10.0.0.0/8?");
        assertThatThrownBy(() -> EgressGuard.allowing(List.of("10.0.0.0/33")))
                .hasMessage("CIDR '10.0.0.0/33' has prefix length '33'; expected 0 to 32");
        assertThatThrownBy(() -> EgressGuard.allowing(List.of("intranet.example/24")))
                .hasMessage("CIDR 'intranet.example/24' does not start with an IPv4 or IPv6 address literal");
        assertThatThrownBy(() -> EgressGuard.allowing(List.of("256.0.0.0/8")))
                .hasMessage("CIDR '256.0.0.0/8' does not start with an IPv4 or IPv6 address literal");
        assertThatThrownBy(() -> EgressGuard.allowing(Arrays.asList("127.0.0.0/8", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("cidrs[1] must not be null");
        assertThatThrownBy(() -> EgressGuard.strict().check(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("uri");
    }

    @Test
    void shouldDescribeItsAllowList() {
        assertThat(EgressGuard.strict()).hasToString("EgressGuard[strict]");
        assertThat(EgressGuard.allowing(List.of(" 127.0.0.0/8 ", "::1"))).hasToString(
                "EgressGuard[allowing [127.0.0.0/8, ::1/128]]");
    }
}
