package io.newswatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.newswatch.alerts.channel.Channels;
import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.DeliveryException;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.config.Config;
import io.newswatch.model.Alert;
import io.newswatch.config.ConfigException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The email channel's TLS, against real SMTP servers.
 *
 * <ul>
 *   <li>GreenMail, which offers no STARTTLS (its SMTP service has no such command): the channel refuses to send
 *       before any credentials or content go over the plain connection, and {@code starttls: false} is what lets it
 *       through.</li>
 *   <li>SubEthaSMTP with STARTTLS offered and required before {@code MAIL} and {@code AUTH}, and a certificate of a
 *       private authority (the fixtures in {@code tls/}): with that certificate in {@code trustCertificates} the
 *       message is delivered, after STARTTLS and sign-in; without it (the JVM's trust store), or with another
 *       certificate for the same name, the channel refuses the server, and nothing is delivered.</li>
 * </ul>
 */
class EmailStartTlsIT {
    @TempDir
    Path dir;

    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("newswatch@example.org", "desk", "pw-123");
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    AlertChannel mail(String extra) throws Exception {
        return mail(smtp.getSmtp().getPort(), extra);
    }

    AlertChannel mail(int port, String extra) throws Exception {
        Path f = dir.resolve("newswatch.yaml");
        Files.writeString(f, """
                alerts:
                  channels:
                    - id: mail
                      type: email
                      host: 127.0.0.1
                      port: %d
                      username: desk
                      password: pw-123
                      from: newswatch@example.org
                      to: [desk@example.org]
                      timeout: 5s
                %s
                """.formatted(port, extra.indent(6)));
        List<Channels.Configured> channels = Channels.fromConfig(Config.load(f, Map.of(), AllKeys.all()), Clock.systemUTC());
        return channels.get(0).channel();
    }

    static Notice notice() {
        Instant now = Instant.now();
        return Notice.of(new Alert(Alert.SCHEMA_VERSION, "alert-1", "story-1", "drone-training", "1", "high", "article-1",
                "Cartel hires drone pilots", "https://news.example/a1", "Wire One", "en", now, List.of(), List.of(), now, 1, now, null, null, 1));
    }

    @Test
    void shouldRefuseToSendWhenTheServerDoesNotOfferStarttls() throws Exception {
        try (AlertChannel channel = mail("")) {
            assertThatThrownBy(() -> channel.deliver(notice())).isInstanceOf(DeliveryException.class)
                    .hasMessageContaining("channel mail").hasMessageContaining("STARTTLS");
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldSendInPlainTextOnlyWhenStarttlsIsTurnedOff() throws Exception {
        try (AlertChannel channel = mail("starttls: false")) {
            channel.deliver(notice());
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** A server that offers STARTTLS with the fixture certificate and takes no mail or password before it. */
    SMTPServer starttlsServer(List<String> received, List<String> logins) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/tls/smtp-localhost.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        SMTPServer server = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .enableTLS().requireTLS().startTlsSocketFactory(tls).requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!"desk".equals(user) || !"pw-123".equals(password)) {
                        throw new LoginFailedException();
                    }
                    logins.add(user);
                }))
                .messageHandler((context, from, to, data) -> received.add(new String(data, StandardCharsets.UTF_8)))
                .build();
        server.start();
        return server;
    }

    Path pem(String name) throws Exception {
        Path f = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/tls/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void shouldSendOverStarttlsToAServerWhoseCertificateIsTrusted() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> logins = new CopyOnWriteArrayList<>();
        SMTPServer server = starttlsServer(received, logins);
        try (AlertChannel channel = mail(server.getPortAllocated(), "trustCertificates: " + pem("smtp-localhost.pem"))) {
            channel.deliver(notice());
        } finally {
            server.stop();
        }
        assertThat(logins).containsExactly("desk");
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("Subject: ").contains("Cartel hires drone pilots");
    }

    @Test
    void shouldRefuseAServerWhoseCertificateIsNotTrusted() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> logins = new CopyOnWriteArrayList<>();
        SMTPServer server = starttlsServer(received, logins);
        try {
            try (AlertChannel channel = mail(server.getPortAllocated(), "")) {
                assertThatThrownBy(() -> channel.deliver(notice())).isInstanceOf(DeliveryException.class).hasMessageContaining("channel mail")
                        .hasStackTraceContaining("SSLHandshakeException");
            }
            try (AlertChannel channel = mail(server.getPortAllocated(), "trustCertificates: " + pem("other-localhost.pem"))) {
                assertThatThrownBy(() -> channel.deliver(notice())).isInstanceOf(DeliveryException.class).hasMessageContaining("channel mail")
                        .hasStackTraceContaining("SSLHandshakeException");
            }
        } finally {
            server.stop();
        }
        assertThat(logins).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void shouldRefuseATrustFileWithoutCertificatesAtStartUp() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");
        assertThatThrownBy(() -> mail(25, "trustCertificates: " + notPem)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.channels[0].trustCertificates");
        assertThatThrownBy(() -> mail(25, "trustCertificates: " + dir.resolve("missing.pem"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("trustCertificates").hasMessageContaining("cannot read");
    }
}
