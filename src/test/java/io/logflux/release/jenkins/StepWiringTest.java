package io.logflux.release.jenkins;

import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundSetter;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Jenkins reads from a step without running it: the Stapler and SezPoz indexes the real annotation processors
 * wrote, and the Snippet Generator form and help files, which must name exactly the step's parameters.
 */
class StepWiringTest {
    /** A step, what its constructor takes, its optional parameters, and its descriptor's expected answers. */
    record StepUnderTest(Class<?> step, String constructor, Set<String> setters, Class<?> descriptor,
                         String functionName, String displayName, Set<Class<?>> context) {
        @Override
        public String toString() {
            return functionName;
        }
    }

    static Stream<StepUnderTest> steps() {
        return Stream.of(
                new StepUnderTest(VerifyVersionStep.class, "", Set.of("tag", "files", "versionFile", "projectDir"),
                        VerifyVersionStep.DescriptorImpl.class, "logfluxVerifyVersion",
                        "Verify that the package version matches the release tag",
                        Set.of(hudson.FilePath.class, hudson.model.TaskListener.class, hudson.EnvVars.class)),
                new StepUnderTest(PublishStep.class, "repository",
                        Set.of("credentialsId", "files", "simpleUrl", "jsonUrl", "waitUntilServed", "waitTimeout", "verifyInstall",
                                "importName", "importCommand", "python", "requireHashes", "strict", "tokenCheck",
                                "uploadTimeout", "attempts", "parallelUploads", "githubRelease", "propagate"),
                        PublishStep.DescriptorImpl.class, "logfluxPublish",
                        "Publish wheels and sdists to PyPI, TestPyPI or another package index",
                        Set.of(hudson.model.Run.class, hudson.FilePath.class, hudson.model.TaskListener.class,
                                hudson.EnvVars.class)),
                new StepUnderTest(YankStep.class, "version,reason",
                        Set.of("project", "repository", "credentialsId", "useApi", "waitForManualYank", "github",
                                "githubCredentialsId", "githubRepo", "deleteTag", "tag", "githubApiUrl"),
                        YankStep.DescriptorImpl.class, "logfluxYank",
                        "Yank a bad release (index and GitHub), and verify it",
                        Set.of(hudson.model.Run.class, hudson.model.TaskListener.class,
                                org.jenkinsci.plugins.workflow.graph.FlowNode.class)),
                new StepUnderTest(CheckTokensStep.class, "tokens",
                        Set.of("online", "warnAgeDays", "failAgeDays", "expiryWarnDays", "accountWide", "audit",
                                "githubApiUrl"),
                        CheckTokensStep.DescriptorImpl.class, "logfluxCheckTokens",
                        "Check API tokens: validity, scope, expiry and age",
                        Set.of(hudson.model.Run.class, hudson.model.TaskListener.class,
                                org.jenkinsci.plugins.workflow.graph.FlowNode.class)));
    }

    /** The steps, and the nested options objects Pipeline binds from a map the same way. */
    static Stream<StepUnderTest> bindables() {
        return Stream.concat(steps(), Stream.of(new StepUnderTest(GitHubReleaseOptions.class, "credentialsId,repo",
                Set.of("tag", "name", "notesFile", "notes", "draft", "replaceAssets", "checksums", "apiUrl", "commit",
                        "latest"),
                GitHubReleaseOptions.DescriptorImpl.class, "githubRelease",
                "Attach the files to the GitHub release of the tag", Set.of()),
                new StepUnderTest(TokenSpec.class, "kind,credentialsId", Set.of("project", "repo", "created"),
                        TokenSpec.DescriptorImpl.class, "logfluxCheckTokens", "A token to check", Set.of())));
    }

    @Test
    void sezpozIndexedEveryDescriptorAsAnExtension() {
        List<String> indexed = new ArrayList<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            indexed.add(item.className());
        }

        assertThat(indexed).containsAll(bindables().map(s -> s.descriptor().getName()).toList());
    }

    @ParameterizedTest
    @MethodSource("bindables")
    void staplerRecordedTheDataBoundConstructor(StepUnderTest s) throws IOException {
        Properties stapler = new Properties();
        String name = s.step().getSimpleName() + ".stapler";
        try (InputStream in = s.step().getResourceAsStream(name)) {
            assertThat(in).as(name + " written by Stapler's ConstructorProcessor").isNotNull();
            stapler.load(in);
        }

        assertThat(stapler.getProperty("constructor")).isEqualTo(s.constructor());
    }

    @ParameterizedTest
    @MethodSource("bindables")
    void everyParameterHasAGetter(StepUnderTest s) {
        for (String parameter : allParameters(s)) {
            String suffix = Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
            assertThat(Arrays.stream(s.step().getMethods()).anyMatch(m -> m.getParameterCount() == 0
                    && (m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix))))
                    .as("getter for " + parameter).isTrue();
        }
        assertThat(setterParameters(s.step())).isEqualTo(new TreeSet<>(s.setters()));
    }

    @ParameterizedTest
    @MethodSource("bindables")
    void theFormAndTheHelpFilesNameExactlyTheParameters(StepUnderTest s) throws IOException {
        String folder = s.step().getSimpleName() + "/";
        String jelly = resource(s.step(), folder + "config.jelly");
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("field=\"([^\"]+)\"").matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        Set<String> helpFiles = new TreeSet<>();
        for (String parameter : allParameters(s)) {
            if (s.step().getResource(folder + "help-" + parameter + ".html") != null) {
                helpFiles.add(parameter);
            }
        }

        assertThat(fields).isEqualTo(allParameters(s));
        assertThat(helpFiles).isEqualTo(allParameters(s));
        assertThat(resource(s.step(), folder + "help.html")).startsWith("<div>").contains(s.functionName());
        assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
    }

    @ParameterizedTest
    @MethodSource("bindables")
    void everyCredentialsFieldIsADropdownFilledAndCheckedByItsDescriptor(StepUnderTest s) throws IOException {
        String jelly = resource(s.step(), s.step().getSimpleName() + "/config.jelly");
        for (String field : allParameters(s)) {
            if (!field.toLowerCase(java.util.Locale.ROOT).endsWith("credentialsid")) {
                continue;
            }
            String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            assertThat(jelly).as(field + " in " + s.step().getSimpleName())
                    .containsPattern("field=\"" + field + "\" title=\"[^\"]*\">\\s*<c:select/>")
                    .contains("xmlns:c=\"/lib/credentials\"");
            java.lang.reflect.Method fill = Arrays.stream(s.descriptor().getMethods())
                    .filter(m -> m.getName().equals("doFill" + suffix + "Items")).findFirst()
                    .orElseThrow(() -> new AssertionError("doFill" + suffix + "Items in " + s.descriptor()));
            assertThat(fill.getReturnType()).isEqualTo(hudson.util.ListBoxModel.class);
            assertThat(fill.getParameterTypes()).containsExactly(hudson.model.Item.class, String.class);
            assertThat(fill.getParameters()[0].isAnnotationPresent(org.kohsuke.stapler.AncestorInPath.class)).isTrue();
            assertThat(fill.getParameters()[1].getAnnotation(org.kohsuke.stapler.QueryParameter.class)).isNotNull();
            java.lang.reflect.Method check = Arrays.stream(s.descriptor().getMethods())
                    .filter(m -> m.getName().equals("doCheck" + suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("doCheck" + suffix + " in " + s.descriptor()));
            assertThat(check.getReturnType()).isEqualTo(hudson.util.FormValidation.class);
        }
    }

    @Test
    void theOptionsDescriptorNamesItself() throws ReflectiveOperationException {
        GitHubReleaseOptions.DescriptorImpl descriptor =
                allocateWithoutConstructor(GitHubReleaseOptions.DescriptorImpl.class);

        assertThat(descriptor.getDisplayName()).isEqualTo("Attach the files to the GitHub release of the tag");
        assertThat(allocateWithoutConstructor(TokenSpec.DescriptorImpl.class).getDisplayName())
                .isEqualTo("A token to check");
    }

    @Test
    void latestIsSavedLowerCaseAndItsDefaultIsLeftOut() throws ReflectiveOperationException {
        GitHubReleaseOptions options = allocateWithoutConstructor(GitHubReleaseOptions.class);

        options.setLatest("FALSE");
        assertThat(options.getLatest()).isEqualTo("false");
        options.setLatest(" true ");
        assertThat(options.getLatest()).isEqualTo("true");
        options.setLatest("auto");
        assertThat(options.getLatest()).as("the default, as the form's first choice sends it").isNull();
        options.setLatest("");
        assertThat(options.getLatest()).isNull();
        assertThatThrownBy(() -> options.setLatest("sometimes")).hasMessage("latest must be true, false or auto, not "
                + "'sometimes'.");
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theDescriptorNamesTheStepAndTheContextItNeeds(StepUnderTest s) throws ReflectiveOperationException {
        StepDescriptor descriptor = (StepDescriptor) allocateWithoutConstructor(s.descriptor());

        assertThat(descriptor.getFunctionName()).isEqualTo(s.functionName());
        assertThat(s.descriptor().getAnnotation(org.jenkinsci.Symbol.class).value())
                .containsExactly(descriptor.getFunctionName());
        assertThat(descriptor.getDisplayName()).isEqualTo(s.displayName());
        assertThat(Set.<Class<?>>copyOf(descriptor.getRequiredContext())).isEqualTo(s.context());
    }

    private static Set<String> allParameters(StepUnderTest s) {
        Set<String> all = new TreeSet<>(s.setters());
        if (!s.constructor().isEmpty()) {
            all.addAll(List.of(s.constructor().split(",")));
        }
        return all;
    }

    /** The stand-in's Descriptor constructor only throws, so the descriptor is allocated without running it. */
    private static <T> T allocateWithoutConstructor(Class<T> type) throws ReflectiveOperationException {
        java.lang.reflect.Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        return type.cast(unsafe.getClass().getMethod("allocateInstance", Class.class).invoke(unsafe, type));
    }

    private static Set<String> setterParameters(Class<?> step) {
        Set<String> parameters = new TreeSet<>();
        Arrays.stream(step.getMethods()).filter(method -> method.isAnnotationPresent(DataBoundSetter.class))
                .forEach(method -> parameters.add(Introspector.decapitalize(method.getName().substring(3))));
        return parameters;
    }

    private static String resource(Class<?> step, String name) throws IOException {
        try (InputStream in = step.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
