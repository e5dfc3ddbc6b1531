package io.newswatch.alerts.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the certificates of one PEM file, and only those: for a channel whose server (often a company's own
 * SMTP relay) has a certificate from a private authority. The usual PKIX checks apply (chain, validity); the
 * host name check is the channel's.
 */
final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /**
     * @param file a PEM file of one or more certificates (the authority's, or the server's own)
     * @throws io.newswatch.config.ConfigException naming {@code key} when the file is missing or holds no certificate
     */
    static SSLSocketFactory socketFactory(ConfigRecord r, String key, String file) {
        Path path = Path.of(file);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(path)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw r.fail(key, "cannot read " + path + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw r.fail(key, path + " is not a PEM file of certificates: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw r.fail(key, path + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw r.fail(key, "cannot trust the certificates of " + path + ": " + e.getMessage());
        }
    }
}
