package io.logflux.release.tokens;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding tokens minted by the real pymacaroons, with every caveat form warehouse writes or once wrote. */
class PypiMacaroonTest {
    @Test
    void readsLocationIdentifierAndCaveatsOfARealToken() {
        String token = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]", "[2,[\"6f1c3b1e-0000-4000-8000-000000000001\"]]");

        PypiMacaroon macaroon = PypiMacaroon.decode(token, "credentials 'pypi-token'");
        PypiTokenScope scope = PypiTokenScope.of(macaroon);

        assertThat(token).startsWith("pypi-AgEIcHlwaS5vcmcCJ");
        assertThat(macaroon.location()).isEqualTo("pypi.org");
        assertThat(macaroon.identifier()).hasSize(36);
        assertThat(macaroon.caveats()).containsExactly("[1,[\"logflux\"]]",
                "[2,[\"6f1c3b1e-0000-4000-8000-000000000001\"]]");
        assertThat(scope.projectNames()).containsExactly("logflux");
        assertThat(scope.projectIds()).containsExactly("6f1c3b1e-0000-4000-8000-000000000001");
        assertThat(scope.accountWide()).isFalse();
    }

    @Test
    void testPypiTokensCarryTheirOwnLocation() {
        String token = MintedTokens.mint("test.pypi.org", "[3,\"user-uuid\"]");

        assertThat(token).startsWith("pypi-AgENdGVzdC5weXBpLm9yZwIk");
        assertThat(PypiMacaroon.decode(token, "x").location()).isEqualTo("test.pypi.org");
        assertThat(PypiTokenScope.of(PypiMacaroon.decode(token, "x")).accountWide()).isTrue();
    }

    @Test
    void expiryAndLegacyForms() {
        PypiTokenScope expiring = PypiTokenScope.of(PypiMacaroon.decode(MintedTokens.mint("pypi.org",
                "[0,1800000000,1700000000]", "[1,[\"logflux\"]]"), "x"));
        PypiTokenScope legacyUser = PypiTokenScope.of(PypiMacaroon.decode(MintedTokens.mint("pypi.org",
                "{\"version\":1,\"permissions\":\"user\"}"), "x"));
        PypiTokenScope legacyProjects = PypiTokenScope.of(PypiMacaroon.decode(MintedTokens.mint("pypi.org",
                "{\"version\":1,\"permissions\":{\"projects\":[\"logflux\"]}}", "{\"exp\":1800000000,\"nbf\":1}",
                "{\"project_ids\":[\"abc\"]}"), "x"));
        PypiTokenScope odd = PypiTokenScope.of(PypiMacaroon.decode(MintedTokens.mint("pypi.org", "[9,\"future\"]",
                "[4,\"publisher-id\"]"), "x"));

        assertThat(expiring.expires()).contains(Instant.ofEpochSecond(1_800_000_000));
        assertThat(expiring.notBefore()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(legacyUser.accountWide()).isTrue();
        assertThat(legacyUser.user()).isPresent();
        assertThat(legacyProjects.projectNames()).containsExactly("logflux");
        assertThat(legacyProjects.projectIds()).containsExactly("abc");
        assertThat(legacyProjects.expires()).contains(Instant.ofEpochSecond(1_800_000_000));
        assertThat(odd.unreadable()).containsExactly("[9,\"future\"]");
        assertThat(odd.trustedPublisher()).contains("publisher-id");
        assertThat(odd.accountWide()).isFalse();
    }

    @Test
    void damagedTokensAreNamedNotPrinted() {
        String token = MintedTokens.mint("pypi.org", "[1,[\"logflux\"]]");
        String truncated = token.substring(0, token.length() - 20);

        assertThatThrownBy(() -> PypiMacaroon.decode(truncated, "credentials 'pypi-token'"))
                .isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("The token from credentials 'pypi-token' starts with 'pypi-' but is damaged")
                .hasMessageNotContaining(truncated.substring(5, 40));
        assertThatThrownBy(() -> PypiMacaroon.decode("ghp_abc", "credentials 'pypi-token'"))
                .hasMessageStartingWith("The token from credentials 'pypi-token' is not a PyPI API token");
        assertThatThrownBy(() -> PypiMacaroon.decode("pypi-!!!", "x")).hasMessageContaining("not base64url");
    }
}
