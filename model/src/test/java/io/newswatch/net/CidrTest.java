package io.newswatch.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.0/8           | 127.255.0.1             | true
            127.0.0.0/8           | 128.0.0.1               | false
            172.16.0.0/12         | 172.31.255.255          | true
            172.16.0.0/12         | 172.32.0.0              | false
            0.0.0.0/0             | 203.0.113.9             | true
            0.0.0.0/0             | ::1                     | false
            10.1.2.3              | 10.1.2.3                | true
            10.1.2.3              | 10.1.2.4                | false
            fc00::/7              | fdff:ffff::1            | true
            fc00::/7              | fe00::1                 | false
            ::ffff:0:0/96         | ::ffff:7f00:1           | true
            2001:db8::/32         | 2001:db9::1             | false
            """)
    void shouldMatchAddressesInsideTheBlockOnly(String cidr, String address, boolean inside) {
        assertThat(Cidr.parse(cidr).contains(Cidr.literal(address))).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8               | 10.0.0.0/8
            10.1.2.3                 | 10.1.2.3/32
            0:0:0:0:0:0:0:1          | ::1/128
            ::/0                     | ::/0
            2001:DB8:0:0:1:0:0:0/96  | 2001:db8:0:0:1::/96
            2001:0:0:1:0:0:0:1       | 2001:0:0:1::1/128
            2001:db8:0:1:1:1:1:1     | 2001:db8:0:1:1:1:1:1/128
            1::/16                   | 1::/16
            ::ffff:10.0.0.0/104      | ::ffff:10.0.0.0/104
            """)
    void shouldPrintTheCanonicalRfc5952Form(String cidr, String canonical) {
        assertThat(Cidr.parse(cidr)).hasToString(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.256     |
            1.2.3          |
            localhost      |
            fe80::1%eth0   |
            1:2:3:4:5:6:7:8:9 |
            ::1            | ::1
            """)
    void shouldAcceptOnlyAddressLiterals(String text, String parsedAs) {
        byte[] bytes = Cidr.literal(text);
        assertThat(bytes == null ? null : Cidr.format(bytes)).isEqualTo(parsedAs);
    }
}
