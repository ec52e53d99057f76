package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Looks, as often as it is asked, whether an index serves a release's files: listed with our sha256 in the JSON API
 * (until it turns out the index has none there) and on the simple index. A file served with other bytes stops at once.
 */
final class ServedLook {
    private final PackageIndex index;
    private final IndexClient client;
    private final List<ReleaseFile> files;
    private final ReleaseFile first;
    private final List<ServedFile> served = new ArrayList<>();
    private final Consumer<String> log;
    private boolean useJsonApi;

    ServedLook(IndexClient client, List<ReleaseFile> files) {
        this.index = client.index();
        this.client = client;
        this.log = client.log();
        this.files = files;
        this.first = files.get(0);
        this.useJsonApi = index.jsonApiUrl().isPresent();
    }

    /** The files served at the last look. */
    List<ServedFile> files() {
        return served;
    }

    /** Looks again: each file that is not served yet, with which listing lacks it; empty when all are served. */
    Map<String, String> missing() {
        served.clear();
        Map<String, String> missing = new LinkedHashMap<>();
        try {
            Map<String, RemoteFile> simple = client.simplePage(first.normalizedName());
            Optional<Map<String, RemoteFile>> json = useJsonApi
                    ? client.jsonApi(first.normalizedName(), first.version()) : Optional.empty();
            if (json.isPresent() && json.get().isEmpty() && servesAll(simple, files)
                    && !client.jsonApiKnowsProject(first.normalizedName())) {
                log.accept(index.jsonApiUrl().get() + " does not answer for " + first.normalizedName()
                        + " at all: this index has no JSON API there, so its simple index decides.");
                useJsonApi = false;
                json = Optional.empty();
            }
            for (ReleaseFile file : files) {
                look(file, json.map(m -> m.get(file.fileName())), json.isPresent(), simple.get(file.fileName()))
                        .ifPresent(state -> missing.put(file.fileName(), state));
            }
        } catch (IndexUnreachableException e) {
            files.forEach(f -> missing.put(f.fileName(), "index not answering: " + e.getMessage()));
        }
        return missing;
    }

    /** Empty when the file is served (and noted), else what is missing. */
    private Optional<String> look(ReleaseFile file, Optional<RemoteFile> inJson, boolean jsonApi,
                                  RemoteFile inSimple) {
        refuseOtherBytes(file, inJson.orElse(null));
        refuseOtherBytes(file, inSimple);
        boolean jsonOk = !jsonApi || inJson.filter(r -> r.sameAs(file.digests())).isPresent();
        boolean simpleOk = inSimple != null && (inSimple.sha256().isEmpty() || inSimple.sameAs(file.digests()));
        if (jsonOk && simpleOk) {
            String url = inJson.flatMap(RemoteFile::url).or(inSimple::url).orElse("");
            served.add(new ServedFile(file.fileName(), file.digests().sha256(), url));
            return Optional.empty();
        }
        return Optional.of((jsonApi ? "JSON API: " + (jsonOk ? "yes" : "not yet") + ", " : "")
                + "simple index: " + (simpleOk ? "yes" : "not yet"));
    }

    private static boolean servesAll(Map<String, RemoteFile> listing, List<ReleaseFile> files) {
        return files.stream().allMatch(f -> listing.containsKey(f.fileName())
                && (listing.get(f.fileName()).sha256().isEmpty() || listing.get(f.fileName()).sameAs(f.digests())));
    }

    private void refuseOtherBytes(ReleaseFile file, RemoteFile remote) {
        if (remote != null && remote.sha256().isPresent() && !remote.sameAs(file.digests())) {
            throw new ReleaseException(index.describe() + " serves " + file.fileName() + " with other bytes (sha256 "
                    + remote.sha256().get() + ", expected " + file.digests().sha256() + "). These are not the files "
                    + "that were uploaded from here; " + UploadErrors.reuploadGuidance(index));
        }
    }
}
