package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials dropdown and its check, as the credentials plugin's consumer guide asks: only those who may
 * configure the job (or use its credentials) see the entries, and only the kinds the steps read a token from (Secret
 * text, Username with password) are offered. Real plugin build only ({@code mvn -f hpi/pom.xml verify}); never
 * compiled or run in this repository's CI.
 */
@WithJenkins
class CredentialsDropdownTest {
    private JenkinsRule r;
    private WorkflowJob job;
    private PublishStep.DescriptorImpl publish;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        List<com.cloudbees.plugins.credentials.Credentials> store =
                SystemCredentialsProvider.getInstance().getCredentials();
        store.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "secret-text", "a token",
                Secret.fromString("pypi-secret")));
        store.add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "login", "__token__ and a token",
                "__token__", "pypi-secret-2"));
        store.add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "a-file", "not a token", "key.pem",
                SecretBytes.fromBytes("-----BEGIN KEY-----".getBytes(StandardCharsets.US_ASCII))));
        SystemCredentialsProvider.getInstance().save();
        job = r.jenkins.createProject(WorkflowJob.class, "p");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ).everywhere().to("configurer")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        publish = r.jenkins.getDescriptorByType(PublishStep.DescriptorImpl.class);
    }

    private static Set<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).collect(Collectors.toSet());
    }

    private static ACLContext as(String user) {
        return ACL.as2(User.getById(user, true).impersonate2());
    }

    @Test
    void whoMayConfigureTheJobSeesOnlyTheTokenKinds() {
        try (ACLContext ignored = as("configurer")) {
            assertEquals(Set.of("", "secret-text", "login"), values(publish.doFillCredentialsIdItems(job, "")));
            assertEquals(FormValidation.Kind.OK, publish.doCheckCredentialsId(job, "secret-text").kind);
            assertEquals(FormValidation.Kind.OK, publish.doCheckCredentialsId(job, "login").kind);
            FormValidation file = publish.doCheckCredentialsId(job, "a-file");
            assertEquals(FormValidation.Kind.ERROR, file.kind);
            assertTrue(file.getMessage().contains("neither Secret text nor Username with password"),
                    file.getMessage());
            assertEquals(FormValidation.Kind.ERROR, publish.doCheckCredentialsId(job, "nope").kind);
        }
    }

    @Test
    void whoMayOnlyReadTheJobSeesNoEntryButTheCurrentValue() {
        try (ACLContext ignored = as("reader")) {
            assertEquals(Set.of("secret-text"), values(publish.doFillCredentialsIdItems(job, "secret-text")));
            // the check says nothing either, not even whether an id exists
            assertEquals(FormValidation.Kind.OK, publish.doCheckCredentialsId(job, "nope").kind);
        }
    }

    @Test
    void outsideAJobOnlyAnAdministratorSeesTheEntries() {
        try (ACLContext ignored = as("configurer")) {
            assertEquals(Set.of(""), values(publish.doFillCredentialsIdItems(null, "")));
        }
        try (ACLContext ignored = as("admin")) {
            assertEquals(Set.of("", "secret-text", "login"), values(publish.doFillCredentialsIdItems(null, "")));
        }
    }
}
