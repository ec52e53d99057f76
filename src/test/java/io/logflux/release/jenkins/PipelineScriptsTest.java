package io.logflux.release.jenkins;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.builder.AstBuilder;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilePhase;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Jenkinsfile of the repository and every Groovy snippet of the docs, parsed with Groovy: each {@code logflux*}
 * call may use only parameters its step has ({@code @DataBoundConstructor} and {@code @DataBoundSetter}), with values
 * of the right kind (a map for a nested options object, a list of maps for a list of them, a literal of the right
 * type where a literal is written), and must give the required ones. So the pipelines in the docs cannot drift from
 * the steps.
 */
class PipelineScriptsTest {
    private static final Map<String, Class<?>> STEPS = Map.of(
            "logfluxVerifyVersion", VerifyVersionStep.class,
            "logfluxPublish", PublishStep.class,
            "logfluxYank", YankStep.class,
            "logfluxCheckTokens", CheckTokensStep.class);
    private static final Pattern GROOVY_BLOCK = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL);

    record Script(String name, String text) {
    }

    @Test
    void everyLogfluxCallInThePipelinesAndTheDocsMatchesItsStep() throws IOException {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Script script : scripts()) {
            List<ASTNode> ast;
            try {
                ast = new AstBuilder().buildFromString(CompilePhase.CONVERSION, false, script.text());
            } catch (RuntimeException e) {
                problems.add(script.name() + " does not parse: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            List<MethodCallExpression> found = new ArrayList<>();
            CodeVisitorSupport visitor = new CodeVisitorSupport() {
                @Override
                public void visitMethodCallExpression(MethodCallExpression call) {
                    if (STEPS.containsKey(call.getMethodAsString())) {
                        found.add(call);
                    }
                    super.visitMethodCallExpression(call);
                }
            };
            ast.stream().filter(node -> !(node instanceof org.codehaus.groovy.ast.ClassNode)).forEach(node -> node.visit(visitor));
            for (MethodCallExpression call : found) {
                calls++;
                check(script.name() + ": " + call.getMethodAsString(), STEPS.get(call.getMethodAsString()),
                        namedArguments(call.getArguments()), problems);
            }
        }
        assertThat(calls).as("logflux* calls found").isGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckerCatchesAnUnknownParameterAWrongTypeAndAMissingRequiredOne() {
        List<String> problems = new ArrayList<>();
        Map<String, Expression> args = new LinkedHashMap<>();
        args.put("credentialsId", new ConstantExpression(7));
        args.put("waitUntilServed", new ConstantExpression("yes"));
        args.put("githubRelease", new MapExpression(List.of(new MapEntryExpression(new ConstantExpression("repoo"),
                new ConstantExpression("x")))));

        check("example: logfluxPublish", PublishStep.class, args, problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "example: logfluxPublish: waitUntilServed must be a boolean, not 'yes'",
                "example: logfluxPublish.githubRelease: has no parameter 'repoo'",
                "example: logfluxPublish.githubRelease: misses the required credentialsId",
                "example: logfluxPublish.githubRelease: misses the required repo",
                "example: logfluxPublish: credentialsId must be a string, not '7'",
                "example: logfluxPublish: misses the required repository");
    }

    private static void check(String where, Class<?> type, Map<String, Expression> args, List<String> problems) {
        Map<String, Type> parameters = parameters(type);
        for (Map.Entry<String, Expression> arg : args.entrySet()) {
            Type expected = parameters.get(arg.getKey());
            if (expected == null) {
                problems.add(where + ": has no parameter '" + arg.getKey() + "'");
                continue;
            }
            checkValue(where, arg.getKey(), expected, arg.getValue(), problems);
        }
        for (String required : constructorParameters(type)) {
            if (!args.containsKey(required)) {
                problems.add(where + ": misses the required " + required);
            }
        }
    }

    private static void checkValue(String where, String name, Type expected, Expression value, List<String> problems) {
        if (expected instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (value instanceof ListExpression items) {
                Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
                for (Expression item : items.getExpressions()) {
                    if (item instanceof MapExpression map) {
                        check(where + "." + name, element, entries(map), problems);
                    } else {
                        problems.add(where + ": " + name + " must be a list of maps");
                    }
                }
            } else if (value instanceof ConstantExpression) {
                problems.add(where + ": " + name + " must be a list");
            }
            return;
        }
        Class<?> raw = (Class<?>) expected;
        if (value instanceof MapExpression map) {
            if (raw == String.class || raw == boolean.class || raw == int.class) {
                problems.add(where + ": " + name + " must be a " + raw.getSimpleName() + ", not a map");
            } else {
                check(where + "." + name, raw, entries(map), problems);
            }
            return;
        }
        if (value instanceof ConstantExpression constant) {
            Object literal = constant.getValue();
            boolean fits = raw == String.class ? literal instanceof String
                    : raw == boolean.class ? literal instanceof Boolean
                    : raw == int.class ? literal instanceof Integer
                    : false;
            if (!fits) {
                problems.add(where + ": " + name + " must be a" + (raw == int.class ? "n int" : " "
                        + raw.getSimpleName().toLowerCase(java.util.Locale.ROOT)) + ", not '" + literal + "'");
            }
        }
    }

    private static Map<String, Type> parameters(Class<?> type) {
        Map<String, Type> parameters = new LinkedHashMap<>();
        Constructor<?> constructor = dataBoundConstructor(type);
        List<String> names = constructorParameters(type);
        for (int i = 0; i < names.size(); i++) {
            parameters.put(names.get(i), constructor.getGenericParameterTypes()[i]);
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String property = method.getName().substring(3);
                parameters.put(Character.toLowerCase(property.charAt(0)) + property.substring(1),
                        method.getGenericParameterTypes()[0]);
            }
        }
        return parameters;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(org.kohsuke.stapler.DataBoundConstructor.class)) {
                return c;
            }
        }
        throw new AssertionError(type + " has no @DataBoundConstructor");
    }

    /** The constructor's parameter names, as Stapler's annotation processor recorded them. */
    private static List<String> constructorParameters(Class<?> type) {
        Properties stapler = new Properties();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".stapler")) {
            assertThat(in).as(type.getSimpleName() + ".stapler").isNotNull();
            stapler.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String names = stapler.getProperty("constructor", "");
        return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    private static Map<String, Expression> namedArguments(Expression arguments) {
        if (arguments instanceof TupleExpression tuple && !(arguments instanceof ArgumentListExpression)) {
            for (Expression e : tuple.getExpressions()) {
                if (e instanceof MapExpression map) {
                    return entries(map);
                }
            }
        }
        if (arguments instanceof ArgumentListExpression list) {
            for (Expression e : list.getExpressions()) {
                if (e instanceof MapExpression map) {
                    return entries(map);
                }
            }
        }
        return Map.of();
    }

    private static Map<String, Expression> entries(MapExpression map) {
        Map<String, Expression> entries = new LinkedHashMap<>();
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            entries.put(entry.getKeyExpression().getText(), entry.getValueExpression());
        }
        return entries;
    }

    private static List<Script> scripts() throws IOException {
        List<Script> scripts = new ArrayList<>();
        scripts.add(new Script("Jenkinsfile", Files.readString(Path.of("Jenkinsfile"))));
        try (Stream<Path> pipelines = Files.list(Path.of("resources/pipelines"))) {
            for (Path p : pipelines.sorted().toList()) {
                scripts.add(new Script(p.toString(), Files.readString(p)));
            }
        }
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher blocks = GROOVY_BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (blocks.find()) {
                n++;
                if (blocks.group(1).contains("logflux")) {
                    scripts.add(new Script(doc + " groovy block " + n, blocks.group(1)));
                }
            }
        }
        return scripts;
    }
}
