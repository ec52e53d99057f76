package io.logflux.release.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed, normalized and ordered as Python's {@code packaging.version.Version} does: the same
 * accepted spellings ({@code 1.0.0-beta} is {@code 1.0.0b0}), the same normal form, the same order.
 */
public final class Pep440Version implements Comparable<Pep440Version> {
    static final int MAX_LENGTH = 256;

    /** packaging's VERSION_PATTERN, anchored; inputs are capped at {@link #MAX_LENGTH} characters. */
    private static final String BODY = "v?"
            + "(?:(?<epoch>[0-9]+)!)?"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
            + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?";
    private static final Pattern VERSION = Pattern.compile("\\s*" + BODY + "\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PREFIX = Pattern.compile("\\s*" + BODY,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final PreRelease pre;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<Object> local;
    private final String normalized;

    private Pep440Version(BigInteger epoch, List<BigInteger> release, PreRelease pre, BigInteger post, BigInteger dev,
                          List<Object> local) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local == null ? null : List.copyOf(local);
        this.normalized = render();
    }

    /** The phase ({@code a}, {@code b} or {@code rc}) and number of a pre-release. */
    public record PreRelease(String phase, BigInteger number) {
    }

    public static Pep440Version parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidVersionException(String.valueOf(text), "it is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException(text.substring(0, 40) + "…",
                    "it is longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(text, diagnose(text));
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        PreRelease pre = m.group("preL") == null ? null
                : new PreRelease(prePhase(m.group("preL")), number(m.group("preN")));
        BigInteger post = null;
        if (m.group("postN1") != null) {
            post = new BigInteger(m.group("postN1"));
        } else if (m.group("postL") != null) {
            post = number(m.group("postN2"));
        }
        BigInteger dev = m.group("devL") == null ? null : number(m.group("devN"));
        List<Object> local = m.group("local") == null ? null : parseLocal(m.group("local"));
        return new Pep440Version(epoch, release, pre, post, dev, local);
    }

    public static Optional<Pep440Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The normal form, exactly as {@code str(packaging.version.Version(text))}. */
    public String normalized() {
        return normalized;
    }

    @Override
    public String toString() {
        return normalized;
    }

    public BigInteger epoch() {
        return epoch;
    }

    public List<BigInteger> release() {
        return release;
    }

    public Optional<PreRelease> pre() {
        return Optional.ofNullable(pre);
    }

    public Optional<BigInteger> post() {
        return Optional.ofNullable(post);
    }

    public Optional<BigInteger> dev() {
        return Optional.ofNullable(dev);
    }

    /** The local label in normal form ({@code ubuntu.1} for {@code +Ubuntu-01}). */
    public Optional<String> local() {
        return local == null ? Optional.empty() : Optional.of(joinLocal());
    }

    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isDevrelease() {
        return dev != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    public boolean hasLocal() {
        return local != null;
    }

    public Pep440Version publicVersion() {
        return local == null ? this : new Pep440Version(epoch, release, pre, post, dev, null);
    }

    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, null, null, null, null);
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c == 0) {
            c = compareNumbers(trimmedRelease(), o.trimmedRelease());
        }
        if (c == 0) {
            c = comparePre(o);
        }
        if (c == 0) {
            c = compareOptional(post, o.post, -1);
        }
        if (c == 0) {
            c = compareOptional(dev, o.dev, 1);
        }
        if (c == 0) {
            c = compareLocal(local, o.local);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, trimmedRelease(), pre, post, dev, local);
    }

    // packaging's _cmpkey: a dev release without pre or post sorts before any pre-release of the same release;
    // a missing pre sorts after all pre-releases; a missing post before any post; a missing dev after any dev.
    private int comparePre(Pep440Version o) {
        return Integer.compare(preRank(), o.preRank()) != 0 ? Integer.compare(preRank(), o.preRank())
                : pre == null ? 0 : comparePhases(o.pre);
    }

    private int preRank() {
        if (pre != null) {
            return 0;
        }
        return post == null && dev != null ? -1 : 1;
    }

    private int comparePhases(PreRelease other) {
        int c = pre.phase().compareTo(other.phase());
        return c != 0 ? c : pre.number().compareTo(other.number());
    }

    /** Compares possibly absent numbers; {@code absentSign} says whether absence sorts low (-1) or high (+1). */
    private static int compareOptional(BigInteger a, BigInteger b, int absentSign) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? absentSign : -absentSign);
        }
        return a.compareTo(b);
    }

    private static int compareLocal(List<Object> a, List<Object> b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                c = xs.compareTo(ys);
            } else {
                c = x instanceof BigInteger ? 1 : -1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareNumbers(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private List<BigInteger> trimmedRelease() {
        int end = release.size();
        while (end > 0 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }

    private String render() {
        StringBuilder s = new StringBuilder();
        if (epoch.signum() != 0) {
            s.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            s.append(i == 0 ? "" : ".").append(release.get(i));
        }
        if (pre != null) {
            s.append(pre.phase()).append(pre.number());
        }
        if (post != null) {
            s.append(".post").append(post);
        }
        if (dev != null) {
            s.append(".dev").append(dev);
        }
        if (local != null) {
            s.append('+').append(joinLocal());
        }
        return s.toString();
    }

    private String joinLocal() {
        List<String> parts = new ArrayList<>();
        local.forEach(p -> parts.add(p.toString()));
        return String.join(".", parts);
    }

    private static List<Object> parseLocal(String text) {
        List<Object> parts = new ArrayList<>();
        for (String part : LOCAL_SEPARATOR.split(text)) {
            parts.add(part.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                    ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableList(parts);
    }

    private static String prePhase(String letter) {
        return switch (letter.toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static String diagnose(String text) {
        String trimmed = text.strip();
        String afterV = trimmed.startsWith("v") || trimmed.startsWith("V") ? trimmed.substring(1) : trimmed;
        if (afterV.isEmpty() || afterV.charAt(0) < '0' || afterV.charAt(0) > '9') {
            return "it must start with a number such as 1.0 (optionally after an epoch like 1! or a 'v')";
        }
        int plus = text.indexOf('+');
        if (plus > 0 && VERSION.matcher(text.substring(0, plus)).matches()) {
            return "the local label '" + text.substring(plus + 1).strip() + "' may only hold ASCII letters and digits, "
                    + "with single '.', '-' or '_' between them";
        }
        Matcher prefix = PREFIX.matcher(text);
        if (prefix.lookingAt() && prefix.end() < text.length()) {
            String rest = text.substring(prefix.end());
            return "'" + rest + "' after '" + text.substring(0, prefix.end()).strip() + "' is not a pre-release "
                    + "(a1, b2, rc1), post-release (.post1), dev-release (.dev1) or local label (+local)";
        }
        return "it does not have the form [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]";
    }
}
