package io.logflux.release.jenkins;

import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Jenkins reads from a step without running it: the Stapler and SezPoz indexes the real annotation processors
 * wrote, and the Snippet Generator form and help files, which must name exactly the step's parameters.
 */
class StepWiringTest {
    private static final Class<VerifyVersionStep> STEP = VerifyVersionStep.class;

    @Test
    void sezpozIndexedTheDescriptorAsAnExtension() {
        List<String> indexed = new ArrayList<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            indexed.add(item.className());
        }

        assertThat(indexed).contains(VerifyVersionStep.DescriptorImpl.class.getName());
    }

    @Test
    void staplerRecordedTheDataBoundConstructor() throws IOException {
        Properties stapler = new Properties();
        try (InputStream in = STEP.getResourceAsStream("VerifyVersionStep.stapler")) {
            assertThat(in).as("VerifyVersionStep.stapler written by Stapler's ConstructorProcessor").isNotNull();
            stapler.load(in);
        }

        assertThat(stapler.getProperty("constructor")).isEmpty();
    }

    @Test
    void everyOptionalParameterHasASetterAndAGetter() throws NoSuchMethodException {
        for (String parameter : setterParameters()) {
            String getter = "get" + Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
            assertThat(STEP.getMethod(getter).getReturnType()).isEqualTo(String.class);
        }
        assertThat(setterParameters()).containsExactlyInAnyOrder("tag", "files", "versionFile", "projectDir");
    }

    @Test
    void theFormAndTheHelpFilesNameExactlyTheParameters() throws IOException {
        String jelly = resource("VerifyVersionStep/config.jelly");
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("field=\"([^\"]+)\"").matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        Set<String> helpFiles = new TreeSet<>();
        for (String parameter : setterParameters()) {
            if (STEP.getResource("VerifyVersionStep/help-" + parameter + ".html") != null) {
                helpFiles.add(parameter);
            }
        }

        assertThat(fields).isEqualTo(setterParameters());
        assertThat(helpFiles).isEqualTo(setterParameters());
        assertThat(resource("VerifyVersionStep/help.html")).startsWith("<div>").contains("logfluxVerifyVersion");
        assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
    }

    @Test
    void theDescriptorNamesTheStepAndTheContextItNeeds() throws ReflectiveOperationException {
        VerifyVersionStep.DescriptorImpl descriptor = allocateWithoutConstructor(VerifyVersionStep.DescriptorImpl.class);

        assertThat(descriptor.getFunctionName()).isEqualTo("logfluxVerifyVersion");
        assertThat(VerifyVersionStep.DescriptorImpl.class.getAnnotation(org.jenkinsci.Symbol.class).value())
                .containsExactly(descriptor.getFunctionName());
        assertThat(descriptor.getDisplayName()).isEqualTo("Verify that the package version matches the release tag");
        assertThat(Set.<Class<?>>copyOf(descriptor.getRequiredContext())).containsExactlyInAnyOrder(
                hudson.FilePath.class, hudson.model.TaskListener.class, hudson.EnvVars.class);
    }

    /** The stand-in's Descriptor constructor only throws, so the descriptor is allocated without running it. */
    private static <T> T allocateWithoutConstructor(Class<T> type) throws ReflectiveOperationException {
        java.lang.reflect.Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        return type.cast(unsafe.getClass().getMethod("allocateInstance", Class.class).invoke(unsafe, type));
    }

    private static Set<String> setterParameters() {
        Set<String> parameters = new TreeSet<>();
        Arrays.stream(STEP.getMethods()).filter(method -> method.isAnnotationPresent(DataBoundSetter.class))
                .forEach(method -> parameters.add(Introspector.decapitalize(method.getName().substring(3))));
        return parameters;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = STEP.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
