package io.newswatch.alerts.channel;

import io.newswatch.alerts.delivery.AlertChannel;
import io.newswatch.alerts.delivery.DeliveryException;
import io.newswatch.alerts.delivery.Notice;
import io.newswatch.model.Alert;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * Email through an SMTP server (Angus Mail): STARTTLS (required unless {@code starttls: false}), with the server's
 * certificate checked against the JVM's trust store or the channel's {@code trustCertificates} and its name against the
 * host, and authentication when a username is set; each message is {@code multipart/alternative} with a plain-text and an
 * HTML part.
 *
 * <p>Threading: the {@code Message-ID} is derived from the notice's delivery id ({@code <deliveryId@domain>}), so a
 * re-sent message keeps its id and mail clients fold the duplicate; an update carries {@code In-Reply-To} and
 * {@code References} pointing at version 1 of its alert, so the story threads under the first message.
 *
 * <p>Header injection: titles and sources go into the subject only after {@link AlertSummary#oneLine} turned
 * every control character (CR and LF included) into a space, and Jakarta Mail encodes the subject (RFC 2047);
 * HTML text is escaped.
 */
final class EmailChannel implements AlertChannel {
    private final String id;
    private final Session session;
    private final InternetAddress from;
    private final List<InternetAddress> to;
    private final String username;
    private final String password;
    private final String domain;

    /**
     * @param password may be {@code null} when {@code username} is
     */
    EmailChannel(String id, String host, int port, boolean starttls, String username, String password, InternetAddress from,
                 List<InternetAddress> to, Duration timeout) {
        this(id, host, port, starttls, null, username, password, from, to, timeout);
    }

    /**
     * @param trust the certificates to trust for the server's TLS, instead of the JVM's trust store ({@code null}: the
     *              JVM's); the server's name is checked against its certificate either way
     */
    EmailChannel(String id, String host, int port, boolean starttls, SSLSocketFactory trust, String username, String password,
                 InternetAddress from, List<InternetAddress> to, Duration timeout) {
        this.id = id;
        this.from = from;
        this.to = List.copyOf(to);
        this.username = username;
        this.password = password;
        String fromDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.domain = fromDomain.isBlank() ? "newswatch" : fromDomain;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", Boolean.toString(username != null));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (trust != null) {
            p.put("mail.smtp.ssl.socketFactory", trust);
        }
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public void deliver(Notice n) throws DeliveryException {
        try {
            MimeMessage m = message(n);
            if (username != null) {
                Transport.send(m, username, password);
            } else {
                Transport.send(m);
            }
        } catch (SendFailedException e) {
            // refused recipients will be refused again; anything else (server busy, connection lost) may pass later
            boolean retry = e.getInvalidAddresses() == null || e.getInvalidAddresses().length == 0;
            throw new DeliveryException("channel " + id + ": SMTP refused the message: " + e.getMessage(), retry, e);
        } catch (MessagingException e) {
            throw new DeliveryException("channel " + id + ": SMTP failed: " + e, true, e);
        }
    }

    /** The message for {@code n}; package-private for tests. */
    MimeMessage message(Notice n) throws MessagingException {
        String messageId = "<" + n.deliveryId() + "@" + domain + ">";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        m.setSentDate(new Date());
        if (n.kind() == Notice.Kind.UPDATE) {
            Alert a = n.alert();
            String first = "<" + Alert.deliveryIdOf(a.alertId(), a.raisedAt(), 1) + "@" + domain + ">";
            m.setHeader("In-Reply-To", first);
            m.setHeader("References", first);
        }
        m.setSubject(subject(n), StandardCharsets.UTF_8.name());
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(EmailText.plain(n), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailText.html(n), StandardCharsets.UTF_8.name(), "html");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        m.saveChanges();
        return m;
    }

    static String subject(Notice n) {
        if (n.kind() == Notice.Kind.DIGEST) {
            return AlertSummary.oneLine("[newswatch] Digest " + n.policy() + ": " + n.alerts().size() + " alerts");
        }
        AlertSummary s = AlertSummary.of(n.alert());
        // updates reuse the first subject with "Re:", which is what threads in clients that ignore In-Reply-To
        String subject = "[" + s.severity() + "] " + s.rule() + ": " + s.headline();
        return AlertSummary.oneLine((n.kind() == Notice.Kind.UPDATE ? "Re: " : "") + subject);
    }

    @Override
    public String toString() {
        return "email " + id + " -> " + to.size() + " recipient(s)";
    }
}
