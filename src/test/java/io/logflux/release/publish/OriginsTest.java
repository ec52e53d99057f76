package io.logflux.release.publish;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class OriginsTest {
    private static final URI INDEX = URI.create("https://pkgs.example.org/simple/logflux/");

    @Test
    void theIndexsOwnPathsAreItsOrigin() {
        assertThat(Origins.same(INDEX, Origins.resolve(INDEX, "/simple/logflux-sdk/").orElseThrow())).isTrue();
        assertThat(Origins.same(INDEX, URI.create("HTTPS://PKGS.example.org:443/other"))).isTrue();
    }

    @Test
    void anotherHostPortOrSchemeIsAnotherServer() {
        assertThat(Origins.same(INDEX, URI.create("https://pypi.org/simple/logflux/"))).isFalse();
        assertThat(Origins.same(INDEX, URI.create("https://pkgs.example.org:8443/simple/logflux/"))).isFalse();
        assertThat(Origins.same(INDEX, URI.create("http://pkgs.example.org/simple/logflux/"))).as("a downgrade")
                .isFalse();
    }

    @Test
    void onlyTheUpgradeToHttpsOnTheDefaultPortsKeepsTheOrigin() {
        URI plain = URI.create("http://pkgs.example.org/simple/");
        assertThat(Origins.same(plain, URI.create("https://pkgs.example.org/simple/"))).isTrue();
        assertThat(Origins.same(URI.create("http://pkgs.example.org:8080/"), URI.create("https://pkgs.example.org/")))
                .isFalse();
    }

    @Test
    void aLocationThatIsNoWebAddressIsRefused() {
        assertThat(Origins.resolve(INDEX, "ftp://pkgs.example.org/x")).isEmpty();
        assertThat(Origins.resolve(INDEX, "http://[broken")).isEmpty();
        assertThat(Origins.resolve(INDEX, "mailto:someone@example.org")).isEmpty();
    }

    @Test
    void aMessageShowsNoPathQueryOrUserInformation() {
        assertThat(Origins.of(URI.create("https://user:secret@mirror.example.org:8443/simple/x/?token=abc")))
                .isEqualTo("https://mirror.example.org:8443");
    }
}
