package zhibu.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who may change the library: whoever presents the administrator's token (--admin-token or ZHIBU_ADMIN_TOKEN), or
 * the local token a running server writes for the commands of the same machine (readable by its user only).
 * Tokens are compared by their hashes in constant time, and named in the audit log by the first characters of
 * their hash.
 */
public final class Tokens {
    public static final String LOCAL = "local";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] admin;
    private final byte[] local;

    public Tokens(String adminToken, String localToken) {
        this.admin = adminToken == null || adminToken.isBlank() ? null : hash(adminToken.strip());
        this.local = localToken == null ? null : hash(localToken);
    }

    /** The shortest admin token taken: long enough not to be guessed over HTTP. */
    public static final int MIN_LENGTH = 12;

    /** Whether a token can be an admin token: a header carries it, so printable ASCII, and not a short one. */
    public static boolean acceptable(String token) {
        String t = token.strip();
        return t.length() >= MIN_LENGTH && t.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    public static String newLocalToken() {
        return random(32);
    }

    /** {@code bytes} random bytes in hex: a token nobody guesses. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether a presented token is the one whose hash was kept, compared in constant time. */
    public static boolean matches(String presented, byte[] kept) {
        return presented != null && !presented.isBlank() && MessageDigest.isEqual(hash(presented.strip()), kept);
    }

    public boolean adminEnabled() {
        return admin != null;
    }

    /** Who the presented token belongs to ({@code local}, or the admin token's id), or empty when it is no token. */
    public Optional<String> who(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] h = hash(presented.strip());
        if (local != null && MessageDigest.isEqual(h, local)) {
            return Optional.of(LOCAL);
        }
        if (admin != null && MessageDigest.isEqual(h, admin)) {
            return Optional.of("admin:" + HexFormat.of().formatHex(h).substring(0, 8));
        }
        return Optional.empty();
    }

    /** The SHA-256 of a token: what is kept instead of the token. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
