package io.logflux.release.jenkins;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ${%…}} label of the plugin's views, read the way Stapler compiles it, so a label that breaks the
 * Snippet Generator form or loses text is caught in the default build rather than in a running Jenkins.
 *
 * <p>What Stapler does (jenkinsci/stapler, {@code InternationalizedStringExpression}, {@code CustomJellyContext},
 * {@code ResourceBundle}; commons-jelly's {@code CompositeExpression} and {@code JexlExpressionFactory}):
 * <ul>
 *   <li>Jelly cuts {@code ${…}} out of attribute values and text: if the whole value is one {@code ${…}}, the
 *       expression ends at the first '}'; otherwise at the first '}' outside quotes; {@code $$} is a literal
 *       {@code $}.</li>
 *   <li>An expression starting with {@code %} is a label: the key is everything before the first {@code (}; from
 *       there, the text is arguments separated by top-level commas, up to the matching {@code )}, each compiled as a
 *       JEXL expression (an error there fails the whole view). Quotes are skipped; nothing may follow the {@code )}.</li>
 *   <li>Inside other expressions, a string literal {@code '%…'} or {@code "%…"} is a label as well.</li>
 *   <li>Shown: the value of the key in the view's {@code .properties}, through {@link MessageFormat} with the
 *       arguments; without a value, the key itself, and the arguments are never shown.</li>
 * </ul>
 * JEXL here is Apache commons-jexl 1.1, which Jenkins' fork (jenkinsci/jexl) is based on; the fork adds the
 * ternary and {@code ?:} operators, which therefore cannot be checked here and are best kept out of label arguments.
 */
class JellyLabelsTest {
    private static final Path VIEWS = Path.of("src/jenkins/resources");
    private static final Pattern RESOURCE_LITERAL = Pattern.compile("(\"%[^\"]+\")|('%[^']+')");

    @Test
    void everyLabelCompilesAndShowsAllOfItsText() throws Exception {
        List<String> problems = new ArrayList<>();
        int labels = 0;
        for (Path view : views()) {
            Messages messages = Messages.of(view);
            for (String expression : expressionsIn(view)) {
                for (String label : labelsIn(expression)) {
                    labels++;
                    for (String problem : problems(label, messages)) {
                        problems.add(VIEWS.relativize(view) + ": ${" + label + "}: " + problem);
                    }
                }
            }
        }

        assertThat(labels).as("labels found under " + VIEWS).isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void wordsInParenthesesAreNotJexl() {
        assertThat(problems("%Install exactly the uploaded files (require hashes)", Messages.NONE))
                .anySatisfy(p -> assertThat(p).contains("argument \"require hashes\" is not a JEXL expression"));
        assertThat(problems("%Index credentials ID (for the API)", Messages.NONE))
                .anySatisfy(p -> assertThat(p).contains("argument \"for the API\" is not a JEXL expression"));
    }

    @Test
    void parenthesesThatDoCompileAreStillLostWithoutAValue() {
        assertThat(problems("%Warn after (days)", Messages.NONE))
                .containsExactly("shows only \"Warn after \": Stapler reads \"(days)\" as arguments, which only a value"
                        + " for the key in the view's .properties can use; say it without parentheses");
        assertThat(problems("%Mark as Latest (true, false or auto)", Messages.NONE)).hasSize(1);
    }

    @Test
    void unbalancedOrTrailingTextAfterTheArgumentsDoesNotCompile() {
        assertThat(problems("%Wait (until served", Messages.NONE)).anySatisfy(p -> assertThat(p).contains("missing ')'"));
        assertThat(problems("%Wait (days) or more", Messages.NONE)).anySatisfy(p -> assertThat(p).contains("missing ')'"));
    }

    @Test
    void argumentsSplitAtTopLevelCommasOnly() {
        Label label = Label.parse("%Uploaded {0} of {1}(it.count(a, b), 'x, (y', [1, 2])");

        assertThat(label.key()).isEqualTo("Uploaded {0} of {1}");
        assertThat(label.arguments()).containsExactly("it.count(a, b)", " 'x, (y'", " [1, 2]");
    }

    @Test
    void aValueShowsTheArgumentsAndMayNotLoseApostrophes() throws IOException {
        Messages good = new Messages("config.properties",
                Map.of("config.properties", bundle("files=Uploaded {0} of {1}, it''s done\n")));
        Messages apostrophe = new Messages("config.properties",
                Map.of("config_de.properties", bundle("plain=It's done\n")));
        Messages tooFew = new Messages("config.properties",
                Map.of("config.properties", bundle("files=Uploaded {0} of {2}\n")));

        assertThat(problems("%files(it.a, it.b)", good)).isEmpty();
        assertThat(problems("%plain", apostrophe)).containsExactly(
                "config_de.properties shows \"Its done\" for \"It's done\": MessageFormat eats single apostrophes;"
                        + " write '' for each");
        assertThat(problems("%files(it.a, it.b)", tooFew))
                .containsExactly("config.properties uses {2}, but the label passes only 2 arguments");
    }

    @Test
    void expressionsAreCutOutTheWayJellyDoes() {
        assertThat(expressionsIn("${%Tokens}")).containsExactly("%Tokens");
        assertThat(expressionsIn("a ${%One} b $${not} ${x == '}' ? 1 : 2} c"))
                .containsExactly("%One", "x == '}' ? 1 : 2");
        assertThat(labelsIn("attrs.value ?: '%Delete'")).containsExactly("%Delete");
    }

    /** What is wrong with one label ({@code %…}) of a view with these message files. */
    static List<String> problems(String label, Messages messages) {
        List<String> problems = new ArrayList<>();
        Label parsed;
        try {
            parsed = Label.parse(label);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        for (String argument : parsed.arguments()) {
            String error = jexlError(argument);
            if (error != null) {
                problems.add("argument \"" + argument.strip() + "\" is not a JEXL expression (" + error
                        + "): Stapler reads \"(…)\" in a label as arguments; say it without parentheses");
            }
        }
        String written = label.substring(1);
        if (!written.equals(parsed.key()) && valueOf(messages.files().get(messages.defaultFile()), parsed.key()) == null
                && problems.isEmpty()) {
            problems.add("shows only \"" + parsed.key() + "\": Stapler reads \"" + written.substring(parsed.key().length())
                    + "\" as arguments, which only a value for the key in the view's .properties can use;"
                    + " say it without parentheses");
        }
        for (Map.Entry<String, PropertyResourceBundle> bundle : new TreeMap<>(messages.files()).entrySet()) {
            String value = valueOf(bundle.getValue(), parsed.key());
            if (value != null) {
                problems.addAll(formatProblems(bundle.getKey(), value, parsed.arguments().size()));
            }
        }
        return problems;
    }

    private static List<String> formatProblems(String file, String value, int arguments) {
        MessageFormat format;
        try {
            format = new MessageFormat(value, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return List.of(file + " has \"" + value + "\", which MessageFormat cannot read: " + e.getMessage());
        }
        int used = format.getFormatsByArgumentIndex().length;
        if (used > arguments) {
            return List.of(file + " uses {" + (used - 1) + "}, but the label passes only " + arguments + " arguments");
        }
        Object[] placeholders = new Object[arguments];
        for (int i = 0; i < arguments; i++) {
            placeholders[i] = "{" + i + "}";
        }
        String shown;
        try {
            shown = format.format(placeholders);
        } catch (IllegalArgumentException e) {
            return List.of(file + " formats an argument as something other than text: " + e.getMessage());
        }
        String meant = value.replace("''", "'");
        if (!shown.equals(meant)) {
            return List.of(file + " shows \"" + shown + "\" for \"" + meant
                    + "\": MessageFormat eats single apostrophes; write '' for each");
        }
        return List.of();
    }

    private static String valueOf(PropertyResourceBundle bundle, String key) {
        if (bundle == null || !bundle.containsKey(key)) {
            return null;
        }
        String value = bundle.getString(key);
        // Stapler ignores an empty value (stapler:i18n writes value-less keys) and shows the key instead.
        return value.isEmpty() ? null : value;
    }

    /** The parse error of one argument, as Stapler's expression factory would throw it; null when it compiles. */
    private static String jexlError(String argument) {
        try {
            org.apache.commons.jexl.ExpressionFactory.createExpression(argument);
            return null;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            int line = message.indexOf('\n');
            return line < 0 ? message : message.substring(0, line);
        }
    }

    /** A label's key and argument texts, split as {@code InternationalizedStringExpression} splits them. */
    record Label(String key, List<String> arguments) {
        static Label parse(String label) {
            if (!label.startsWith("%")) {
                throw new IllegalArgumentException(label + " doesn't start with %");
            }
            String text = label.substring(1);
            int open = text.indexOf('(');
            if (open < 0) {
                return new Label(text, List.of());
            }
            List<String> arguments = new ArrayList<>();
            String rest = text.substring(open + 1);
            while (!rest.isEmpty()) {
                String argument = nextArgument(label, rest);
                arguments.add(argument);
                rest = rest.substring(argument.length() + 1);
            }
            return new Label(text.substring(0, open), List.copyOf(arguments));
        }

        /** From "arg,arg)" or "arg)", the first arg: up to a comma or ')' outside brackets and quotes. */
        private static String nextArgument(String label, String text) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case ',' -> {
                        if (depth == 0) {
                            return text.substring(0, i);
                        }
                    }
                    case '(', '{', '[' -> depth++;
                    case ')' -> {
                        if (depth == 0) {
                            return text.substring(0, i);
                        }
                        depth--;
                    }
                    case '}', ']' -> depth--;
                    case '"', '\'' -> {
                        int close = text.indexOf(c, i + 1);
                        if (close < 0) {
                            // Stapler's own scan would start over here and never end: as broken as can be.
                            throw new IllegalArgumentException(label + " has a quote that is never closed");
                        }
                        i = close;
                    }
                    default -> { }
                }
            }
            throw new IllegalArgumentException(label + " is missing ')' at the end");
        }
    }

    /** The labels of one expression: itself if it starts with %, else its '%…' string literals. */
    static List<String> labelsIn(String expression) {
        if (expression.startsWith("%")) {
            return List.of(expression);
        }
        List<String> labels = new ArrayList<>();
        Matcher literal = RESOURCE_LITERAL.matcher(expression);
        while (literal.find()) {
            labels.add(literal.group().substring(1, literal.group().length() - 1));
        }
        return labels;
    }

    /** The {@code ${…}} expressions of every attribute value and text of a view. */
    private static List<String> expressionsIn(Path view) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setCoalescing(true);
        Document document;
        try (InputStream in = Files.newInputStream(view)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        List<String> expressions = new ArrayList<>();
        collect(document.getDocumentElement(), expressions);
        return expressions;
    }

    private static void collect(Node node, List<String> expressions) {
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                expressions.addAll(expressionsIn(((Attr) attributes.item(i)).getValue()));
            }
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            expressions.addAll(expressionsIn(node.getNodeValue()));
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            collect(children.item(i), expressions);
        }
    }

    /** The expressions of one attribute value or text, cut out as commons-jelly's {@code CompositeExpression} does. */
    static List<String> expressionsIn(String text) {
        int start = text.indexOf("${");
        if (start < 0) {
            return List.of();
        }
        int firstClose = text.indexOf('}', start + 2);
        if (start == 0 && firstClose == text.length() - 1) {
            return List.of(text.substring(2, firstClose));
        }
        List<String> expressions = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i += 2;
            } else if (text.startsWith("${", i)) {
                int end = endOfExpression(text, i + 2);
                expressions.add(text.substring(i + 2, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return expressions;
    }

    private static int endOfExpression(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? text.length() : close;
            } else if (c == '}') {
                return i;
            }
        }
        throw new IllegalArgumentException("Missing '}' character at the end of expression: " + text);
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /**
     * A view's message files by name, and the one without a locale: {@code config.jelly} reads
     * {@code config.properties}, {@code config_de.properties} and so on.
     */
    record Messages(String defaultFile, Map<String, PropertyResourceBundle> files) {
        static final Messages NONE = new Messages("config.properties", Map.of());

        static Messages of(Path view) throws IOException {
            String base = view.getFileName().toString().replaceFirst("\\.jelly$", "");
            Map<String, PropertyResourceBundle> files = new TreeMap<>();
            try (Stream<Path> siblings = Files.list(view.getParent())) {
                for (Path file : siblings.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals(base + ".properties") || name.startsWith(base + "_") && name.endsWith(".properties")) {
                        try (InputStream in = Files.newInputStream(file)) {
                            // As Stapler reads them: PropertyResourceBundle, UTF-8 first.
                            files.put(name, new PropertyResourceBundle(in));
                        }
                    }
                }
            }
            return new Messages(base + ".properties", files);
        }
    }

    private static PropertyResourceBundle bundle(String properties) throws IOException {
        return new PropertyResourceBundle(new java.io.StringReader(properties));
    }
}
