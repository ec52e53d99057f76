package io.logflux.release.jenkins;

import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a step execution keeps when Jenkins saves the build (program.dat): nothing but serializable state, and never
 * the step (which holds the parameters) or a live object such as an HTTP client or a token. The executions' HTTP
 * settings and credentials are local to {@code run()}, so a controller restart has nothing to resume from (see
 * docs/steps.md, "A controller restart during a step") and nothing secret is written to disk.
 */
class StepExecutionStateTest {
    @ParameterizedTest
    @ValueSource(classes = {VerifyVersionExecution.class, PublishExecution.class, YankExecution.class,
            CheckTokensExecution.class})
    void anExecutionSavesOnlySerializableStateAndNeverTheStep(Class<? extends StepExecution> execution) {
        List<Field> saved = Arrays.stream(execution.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .toList();

        assertThat(saved).as("fields of %s written with the build", execution.getSimpleName())
                .allSatisfy(f -> assertThat(Serializable.class.isAssignableFrom(f.getType()) || f.getType()
                        .isPrimitive()).as(f.getName()).isTrue());
        assertThat(Arrays.stream(execution.getDeclaredFields()).filter(f -> f.getType().getSimpleName()
                .endsWith("Step")).toList()).as("the step of %s", execution.getSimpleName())
                .isNotEmpty().allSatisfy(f -> assertThat(Modifier.isTransient(f.getModifiers())).isTrue());
        assertThat(Serializable.class).isAssignableFrom(execution);
    }
}
