package io.logflux.release.testing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tokens shaped like PyPI's ("pypi-" + a base64url macaroon starting with its location packet), random on each call,
 * so a test can grep everything the suite printed for them. Each one is noted in {@link Captured#TOKENS}.
 */
public final class FakeTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FakeTokens() {
    }

    public static String pypi() {
        return remembered("pypi-AgEIcHlwaS5vcmcCJ" + randomTail());
    }

    public static String testPypi() {
        return remembered("pypi-AgENdGVzdC5weXBpLm9yZwIk" + randomTail());
    }

    /**
     * The GitHub token this project's fixture files expect (fixtures match the Authorization header literally, so it is
     * fixed); noted like the others so that no output may contain it either.
     */
    public static String githubFixture() {
        return remembered("ghp_0000000000000000000000000000000000000001");
    }

    /** A classic GitHub personal access token's shape: ghp_ and 36 letters and digits. */
    public static String github() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder("ghp_");
        for (int i = 0; i < 36; i++) {
            token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return remembered(token.toString());
    }

    /** Notes a token minted elsewhere (by pymacaroons, say) so that the suite-wide search looks for it too. */
    public static String noted(String token) {
        return remembered(token);
    }

    private static String remembered(String token) {
        Captured.token(token);
        return token;
    }

    private static String randomTail() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
