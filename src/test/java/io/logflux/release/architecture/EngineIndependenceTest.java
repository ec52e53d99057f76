package io.logflux.release.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine (everything packaged in the CLI jar) must run without Jenkins: no Jenkins, Stapler or SezPoz type may
 * appear in it, and it may not reach into the Jenkins layer.
 */
class EngineIndependenceTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.logflux.release");

    @Test
    void theEngineIsWhatIsImported() {
        assertThat(ENGINE.stream().map(c -> c.getPackageName()))
                .contains("io.logflux.release.verify", "io.logflux.release.cli")
                .noneMatch(p -> p.startsWith("io.logflux.release.jenkins"));
    }

    @Test
    void noJenkinsTypeInTheEngine() {
        ArchRule rule = noClasses().that().resideInAPackage("io.logflux.release..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.jenkinsci..", "com.cloudbees..", "org.kohsuke.stapler..",
                        "net.java.sezpoz..", "org.jvnet.hudson..", "io.logflux.release.jenkins..")
                .because("the engine runs as a plain command line and is tested without Jenkins (DEVELOPERS.md)");
        rule.check(ENGINE);
    }
}
