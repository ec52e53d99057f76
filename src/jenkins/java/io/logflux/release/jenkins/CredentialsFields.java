package io.logflux.release.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

import java.util.List;

/**
 * The credentials dropdown and its validation for every {@code credentialsId} field, as the credentials plugin's
 * consumer guide prescribes (shared/reference/jenkins-api.md §5): only users who may configure the item (or use its
 * credentials) see the list; others keep the current value only.
 */
final class CredentialsFields {
    private CredentialsFields() {
    }

    static ListBoxModel fill(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayList(item)) {
            return result.includeCurrentValue(current == null ? "" : current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), CredentialsMatchers.always())
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
        if (CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, ACL.SYSTEM2, List.of(),
                CredentialsMatchers.withId(value)).isEmpty()) {
            return FormValidation.error(Messages.credentialsIdNotFound(value));
        }
        return FormValidation.ok();
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
