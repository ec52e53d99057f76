package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * The credentials dropdown and its validation for every {@code credentialsId} field, as the credentials plugin's
 * consumer guide (jenkinsci/credentials-plugin docs/consumer.adoc) prescribes: only users who may configure the item
 * (or use its credentials) see the list; others keep the current value only. The list holds only the kinds
 * {@link CredentialLookup} accepts (Secret text, Username with password), as the build will see them: with the
 * authentication the item's builds run as ({@link Tasks#getAuthenticationOf2}), or as SYSTEM for an item that is not
 * a {@link Queue.Task}.
 */
final class CredentialsFields {
    /** The kinds {@link CredentialLookup#apiToken} reads a token from. */
    static final CredentialsMatcher TOKEN_KINDS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));

    private CredentialsFields() {
    }

    static ListBoxModel fill(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayList(item)) {
            return result.includeCurrentValue(current == null ? "" : current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(buildAuthentication(item), item, StandardCredentials.class, List.of(), TOKEN_KINDS)
                .includeCurrentValue(current == null ? "" : current);
    }

    /** @param optional a blank value is fine (logfluxPublish with repository 'none', yank without the API) */
    static FormValidation check(Item item, String value, boolean optional) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return optional ? FormValidation.ok() : FormValidation.error(Messages.credentialsIdRequired());
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning(Messages.credentialsIdExpression());
        }
        Authentication authentication = buildAuthentication(item);
        if (!CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, authentication, List.of(),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(value), TOKEN_KINDS)).isEmpty()) {
            return FormValidation.ok();
        }
        if (!CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, authentication, List.of(),
                CredentialsMatchers.withId(value)).isEmpty()) {
            return FormValidation.error(Messages.credentialsIdOfWrongKind(value));
        }
        return FormValidation.error(Messages.credentialsIdNotFound(value));
    }

    /** Who the item's builds run as, so the list shows what {@code findCredentialById(id, type, run)} will find. */
    static Authentication buildAuthentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** A field value the engine accepts, or the engine's own message. */
    static FormValidation engineCheck(String value, java.util.function.Consumer<String> parse) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            parse.accept(value);
            return FormValidation.ok();
        } catch (io.logflux.release.ReleaseException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static boolean mayList(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
