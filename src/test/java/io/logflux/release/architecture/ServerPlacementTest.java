package io.logflux.release.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rehearsal's HTTP server stays in the command line: only the CLI starts a rehearsal index, only the rehearsal
 * package uses Undertow, Commons FileUpload and Bouncy Castle, and the plugin build (hpi/pom.xml) ships none of it
 * (its JenkinsRule tests use it as their package index, in test scope). The plugin takes its libraries from Jenkins'
 * API plugins rather than bundling them.
 */
class ServerPlacementTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.logflux.release");

    @Test
    void onlyTheCliUsesTheRehearsalIndex() {
        noClasses().that().resideOutsideOfPackages("io.logflux.release.cli..", "io.logflux.release.rehearsal..")
                .should().dependOnClassesThat().resideInAPackage("io.logflux.release.rehearsal..")
                .because("the rehearsal index is the command line's (release --rehearse), not the engine's")
                .check(ENGINE);
    }

    @Test
    void onlyTheRehearsalUsesTheServerAndBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("io.logflux.release.rehearsal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..",
                        "org.bouncycastle..")
                .because("the plugin (hpi/pom.xml) ships neither an HTTP server nor Bouncy Castle")
                .check(ENGINE);
    }

    @Test
    void onlyTheRehearsalUsesTheMultipartParser() {
        noClasses().that().resideOutsideOfPackage("io.logflux.release.rehearsal..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.fileupload2..")
                .because("Commons FileUpload parses the rehearsal index's uploads; the plugin (hpi/pom.xml) ships none")
                .check(ENGINE);
    }

    @Test
    void thePluginBuildExcludesEveryPackageThatReachesTheServer() throws Exception {
        Set<String> serverPackages = new TreeSet<>();
        for (JavaClass c : ENGINE) {
            boolean reachesServer = c.getDirectDependenciesFromSelf().stream().anyMatch(d -> {
                String target = d.getTargetClass().getPackageName();
                return target.startsWith("io.undertow") || target.startsWith("org.bouncycastle")
                        || target.startsWith("org.apache.commons.fileupload2")
                        || target.startsWith("io.logflux.release.rehearsal") && !c.getPackageName()
                        .startsWith("io.logflux.release.rehearsal");
            });
            if (reachesServer) {
                serverPackages.add(c.getPackageName());
            }
        }
        List<String> excludes = compilerExcludes(Path.of("hpi/pom.xml"));

        assertThat(serverPackages).contains("io.logflux.release.rehearsal", "io.logflux.release.cli");
        assertThat(serverPackages).allSatisfy(p -> assertThat(excludes)
                .as("hpi/pom.xml's maven-compiler-plugin excludes, for " + p)
                .anyMatch(e -> covers(e, p)));
    }

    @Test
    void thePluginShipsNeitherUndertowNorBouncyCastleNorFileUpload() throws Exception {
        List<Dependency> dependencies = dependencies(Path.of("hpi/pom.xml"));
        List<Dependency> server = dependencies.stream().filter(d -> d.groupId().startsWith("io.undertow")
                || d.groupId().startsWith("org.jboss.xnio") || d.groupId().startsWith("org.bouncycastle")
                || d.artifactId().startsWith("commons-fileupload")).toList();

        assertThat(server).as("the JenkinsRule tests' index needs them").isNotEmpty();
        assertThat(server).as("only the tests' index (test scope) may use the server's libraries")
                .allSatisfy(d -> assertThat(d.scope()).as(d.artifactId()).isEqualTo("test"));
    }

    @Test
    void thePluginTakesItsLibrariesFromJenkinsApiPluginsAndBundlesOnlyJsoup() throws Exception {
        List<Dependency> shipped = dependencies(Path.of("hpi/pom.xml")).stream()
                .filter(d -> !d.scope().equals("test")).toList();

        assertThat(shipped).extracting(Dependency::artifactId).contains("okhttp-api", "jackson2-api",
                "commons-compress-api", "workflow-api").doesNotContain("commons-compress", "jackson-dataformat-toml",
                "jackson-databind", "okhttp", "okhttp-jvm");
        assertThat(shipped).as("a plain library with a version of its own is bundled in the .hpi; API plugins "
                + "take theirs from the Jenkins BOM").filteredOn(d -> !d.version().isEmpty())
                .extracting(Dependency::artifactId).containsExactly("jsoup");
    }

    @Test
    void theTestIndexIsCompiledOnlyIntoTheTestClasses() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("hpi/pom.xml")
                .toFile());
        NodeList includes = pom.getElementsByTagName("testInclude");
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < includes.getLength(); i++) {
            Element execution = (Element) includes.item(i).getParentNode().getParentNode().getParentNode();
            assertThat(execution.getTagName()).isEqualTo("execution");
            goals.add(execution.getElementsByTagName("goal").item(0).getTextContent().strip());
        }

        assertThat(goals).as("executions that compile the rehearsal or the test index").hasSizeGreaterThan(1)
                .containsOnly("testCompile");
    }

    private record Dependency(String groupId, String artifactId, String version, String scope) {
    }

    /** The POM's own dependencies (not its dependencyManagement). */
    private static List<Dependency> dependencies(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<Dependency> found = new ArrayList<>();
        Element dependencies = child(document.getDocumentElement(), "dependencies");
        NodeList children = dependencies.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element dependency && dependency.getTagName().equals("dependency")) {
                found.add(new Dependency(text(dependency, "groupId"), text(dependency, "artifactId"),
                        text(dependency, "version"), text(dependency, "scope").isEmpty() ? "compile"
                        : text(dependency, "scope")));
            }
        }
        assertThat(found).hasSizeGreaterThan(5);
        return found;
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    /** An exclude like {@code io/logflux/release/cli/**} covers the package and its subpackages. */
    private static boolean covers(String exclude, String packageName) {
        String path = packageName.replace('.', '/');
        return exclude.endsWith("/**") && (path + "/").startsWith(exclude.substring(0, exclude.length() - 2));
    }

    private static List<String> compilerExcludes(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList plugins = document.getElementsByTagName("plugin");
        List<String> excludes = new ArrayList<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            NodeList ids = plugin.getElementsByTagName("artifactId");
            if (ids.getLength() == 0 || !ids.item(0).getTextContent().strip().equals("maven-compiler-plugin")) {
                continue;
            }
            NodeList found = plugin.getElementsByTagName("exclude");
            for (int j = 0; j < found.getLength(); j++) {
                excludes.add(found.item(j).getTextContent().strip());
            }
        }
        return excludes;
    }
}
