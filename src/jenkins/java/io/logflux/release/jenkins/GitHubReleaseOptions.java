package io.logflux.release.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import io.logflux.release.github.GitHubLatest;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubRepo;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import java.util.Locale;

/**
 * The {@code githubRelease: [credentialsId: 'github-token', repo: 'logflux/logflux-python', …]} part of
 * {@code logfluxPublish}: attach the files to the tag's GitHub release after the index part succeeded.
 */
public final class GitHubReleaseOptions implements Describable<GitHubReleaseOptions> {
    private final String credentialsId;
    private final String repo;
    private String tag;
    private String name = GitHubReleaseRequest.DEFAULT_TITLE;
    private String notesFile = GitHubReleaseRequest.DEFAULT_NOTES_FILE;
    private String notes;
    private boolean draft;
    private boolean replaceAssets;
    private boolean checksums = true;
    private String apiUrl;
    private String commit;
    private String latest;

    @DataBoundConstructor
    public GitHubReleaseOptions(String credentialsId, String repo) {
        this.credentialsId = credentialsId == null ? null : credentialsId.strip();
        this.repo = repo == null ? null : repo.strip();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRepo() {
        return repo;
    }

    public String getTag() {
        return tag;
    }

    /** The release tag; default: the tag build's {@code TAG_NAME}. */
    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = StepFields.blankToNull(tag);
    }

    public String getName() {
        return name;
    }

    /** Title of a created release; {project}, {version}, {tag} are replaced. */
    @DataBoundSetter
    public void setName(String name) {
        this.name = name == null || name.isBlank() ? GitHubReleaseRequest.DEFAULT_TITLE : name;
    }

    public String getNotesFile() {
        return notesFile;
    }

    @DataBoundSetter
    public void setNotesFile(String notesFile) {
        this.notesFile = notesFile == null || notesFile.isBlank() ? GitHubReleaseRequest.DEFAULT_NOTES_FILE
                : notesFile.strip();
    }

    public String getNotes() {
        return notes;
    }

    @DataBoundSetter
    public void setNotes(String notes) {
        this.notes = StepFields.blankToNull(notes);
    }

    public boolean isDraft() {
        return draft;
    }

    @DataBoundSetter
    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public boolean isReplaceAssets() {
        return replaceAssets;
    }

    @DataBoundSetter
    public void setReplaceAssets(boolean replaceAssets) {
        this.replaceAssets = replaceAssets;
    }

    public boolean isChecksums() {
        return checksums;
    }

    @DataBoundSetter
    public void setChecksums(boolean checksums) {
        this.checksums = checksums;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = StepFields.blankToNull(apiUrl);
    }

    public String getCommit() {
        return commit;
    }

    /** The tag must point at this commit; default: the build's {@code GIT_COMMIT} when set. */
    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = StepFields.blankToNull(commit);
    }

    public String getLatest() {
        return latest;
    }

    /**
     * Mark the published release "Latest": true, false, or auto (default: when its version is the highest final).
     * auto is kept as null, so that a saved job and the Snippet Generator leave the default out.
     */
    @DataBoundSetter
    public void setLatest(String latest) {
        GitHubLatest parsed = GitHubLatest.parse(latest);
        this.latest = parsed == GitHubLatest.AUTO ? null : parsed.name().toLowerCase(Locale.ROOT);
    }

    GitHubReleaseParameters parameters(String defaultTag, String defaultCommit) {
        return new GitHubReleaseParameters(credentialsId, repo, tag != null ? tag : defaultTag, name, notesFile, notes,
                draft, replaceAssets, checksums, apiUrl, commit != null ? commit : defaultCommit, latest);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<GitHubReleaseOptions> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.gitHubReleaseDisplayName();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
                                                     @QueryParameter String credentialsId) {
            return CredentialsFields.fill(item, credentialsId);
        }

        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsFields.check(item, value, false);
        }

        public FormValidation doCheckRepo(@QueryParameter String value) {
            return CredentialsFields.engineCheck(value, GitHubRepo::parse);
        }

        /** The three choices, auto (the default) first. */
        public ListBoxModel doFillLatestItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(new ListBoxModel.Option(Messages.latestAuto(), "auto"));
            items.add(new ListBoxModel.Option(Messages.latestTrue(), "true"));
            items.add(new ListBoxModel.Option(Messages.latestFalse(), "false"));
            return items;
        }

    }
}
