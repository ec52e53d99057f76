package io.logflux.release.testindex;


import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh {@link TestIndex} for each test, accepting one fresh fake token for every project:
 * {@code @RegisterExtension final TestIndexExtension server = new TestIndexExtension();}.
 */
public final class TestIndexExtension implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private TestIndex index;
    private String token;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("test-index-");
        index = TestIndex.start(dir);
        token = FakeTokens.pypi();
        index.acceptToken(token);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        index.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestIndex index() {
        return index;
    }

    /** The token the index accepts (for every project). */
    public String token() {
        return token;
    }
}
