package io.callbook.resolver.domain;

import io.callbook.common.security.LocalVerificationKeys;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The token keys from {@link TokenConfig#keyDir()}: {@code signing.pem} signs, every {@code *.pem} there is published
 * (JWKS) and accepted. A key's id ({@code kid}) is its RFC 7638 thumbprint, so it stays the same whatever its file is
 * called: a rollover renames files (next → signing → previous) without changing any id. The folder is read again every
 * {@code reload-interval}; a folder that cannot be read keeps the keys read last.
 */
@ApplicationScoped
@Startup
public class SigningKeys implements LocalVerificationKeys {

    public static final String SIGNING_FILE = "signing.pem";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final Path dir;
    private volatile Ring ring;

    public SigningKeys(TokenConfig config) {
        this.dir = config.keyDir();
        this.ring = read(dir);
        LOG.infof("Token keys: signing with %s, publishing %s", ring.signing().keyId(), ring.published().keySet());
    }

    public SigningKey signing() {
        return ring.signing();
    }

    /** Every published key by id, the signing key first. */
    public Map<String, RSAPublicKey> published() {
        return ring.published();
    }

    @Override
    public Optional<PublicKey> publicKey(String keyId) {
        return Optional.ofNullable(ring.published().get(keyId));
    }

    @Scheduled(every = "${callbook.tokens.reload-interval}", delayed = "${callbook.tokens.reload-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        try {
            Ring fresh = read(dir);
            if (!fresh.published().keySet().equals(ring.published().keySet())
                    || !fresh.signing().keyId().equals(ring.signing().keyId())) {
                LOG.infof("Token keys changed: signing with %s, publishing %s", fresh.signing().keyId(),
                        fresh.published().keySet());
            }
            ring = fresh;
        } catch (RuntimeException e) {
            LOG.errorf("Token keys in %s unreadable, the previous ones stay in use: %s", dir, e.getMessage());
        }
    }

    /** The id a public key is published under. */
    public static String keyId(RSAPublicKey key) {
        return new RsaJsonWebKey(key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static Ring read(Path dir) {
        Path signingFile = dir.resolve(SIGNING_FILE);
        if (!Files.isRegularFile(signingFile)) {
            throw new IllegalStateException("No token-signing key " + signingFile + " (callbook.tokens.key-dir)");
        }
        PrivateKey signingKey = privateKey(pem(signingFile, "PRIVATE KEY").orElseThrow(() ->
                new IllegalStateException(signingFile + " holds no PKCS#8 PRIVATE KEY")));
        RSAPublicKey signingPublic = publicOf(signingKey);
        Map<String, RSAPublicKey> published = new LinkedHashMap<>();
        published.put(keyId(signingPublic), signingPublic);
        // A Kubernetes Secret volume holds its files under ..data/ and links them; hidden entries are skipped.
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                RSAPublicKey key = pem(file, "PUBLIC KEY").map(SigningKeys::publicKey)
                        .or(() -> pem(file, "PRIVATE KEY").map(der -> publicOf(privateKey(der))))
                        .orElseThrow(() -> new IllegalStateException(file + " holds no PUBLIC KEY or PRIVATE KEY"));
                published.putIfAbsent(keyId(key), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return new Ring(new SigningKey(keyId(signingPublic), signingKey), Collections.unmodifiableMap(published));
    }

    private static Optional<byte[]> pem(Path file, String type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String begin = "-----BEGIN " + type + "-----";
        int start = text.indexOf(begin);
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf("-----END " + type + "-----", start);
        return Optional.of(Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end)));
    }

    private static PrivateKey privateKey(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA private key: " + e.getMessage(), e);
        }
    }

    private static RSAPublicKey publicKey(byte[] der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA public key: " + e.getMessage(), e);
        }
    }

    private static RSAPublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The signing key must be an RSA key with its CRT parameters (PKCS#8)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record SigningKey(String keyId, PrivateKey privateKey) {
    }

    private record Ring(SigningKey signing, Map<String, RSAPublicKey> published) {
    }
}
