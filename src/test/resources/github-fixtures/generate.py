"""Writes this project's own GitHub fixtures (the scenarios @octokit/fixtures never recorded: create, resume, publish,
delete, and faults) in the nock format @octokit/fixtures-server loads with --fixtures. Objects borrow the recorded
fixtures' shapes (user objects, headers) so they look like GitHub's. Requests use the modern headers (Accept
application/vnd.github+json, Bearer, X-GitHub-Api-Version). Run from the repository root after `npm ci --prefix test-peers`:

    python3 src/test/resources/github-fixtures/generate.py
"""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDED = os.path.join(HERE, "../../../../test-peers/node_modules/@octokit/fixtures/scenarios/api.github.com")
TOKEN = "ghp_0000000000000000000000000000000000000001"
FINE_GRAINED_TOKEN = "github_pat_0000000000000000000001_" + "0" * 58
APP_TOKEN = "ghs_0000000000000000000000000000000000000001"
REPO = "logflux/logflux-python"
TAG = "v0.2.0"
API = "https://api.github.com:443"
UPLOADS = "https://uploads.github.com:443"
HELLO = "Hello, world!\n"
HELLO_SHA = hashlib.sha256(HELLO.encode()).hexdigest()
SUMS = f"{HELLO_SHA}  hello.txt\n"
SUMS_SHA = hashlib.sha256(SUMS.encode()).hexdigest()
DATE = "2017-10-10T16:00:00Z"

recorded = json.load(open(os.path.join(RECORDED, "release-assets/normalized-fixture.json")))
USER = recorded[0]["response"]["author"]
# The 2022 recording predates has_discussions, which the current description requires.
REPOSITORY = dict(json.load(open(os.path.join(RECORDED, "get-repository/normalized-fixture.json")))[0]["response"],
                  has_discussions=False)
HEADERS = {"content-type": "application/json; charset=utf-8", "x-github-api-version-selected": "2022-11-28",
           "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999", "x-ratelimit-reset": "1507651200",
           "x-accepted-oauth-scopes": "repo", "x-oauth-scopes": "repo"}


def reqheaders(extra=None):
    h = {"accept": "application/vnd.github+json", "authorization": "Bearer " + TOKEN,
         "x-github-api-version": "2022-11-28"}
    h.update(extra or {})
    return h


def call(method, path, status, response="", body="", scope=API, extra_req=None, headers=None):
    merged = {k: v for k, v in dict(HEADERS, **(headers or {})).items() if v is not None}  # None: header absent
    return {"scope": scope, "method": method, "path": path, "body": body, "status": status, "response": response,
            "reqheaders": reqheaders(extra_req), "headers": merged}


def release(draft, assets, rid=1000, immutable=False, prerelease=False,
            body="### Added\n- First release of the SDK."):
    base = f"https://api.github.com/repos/{REPO}/releases/{rid}"
    return {"url": base, "assets_url": base + "/assets",
            "upload_url": f"https://uploads.github.com/repos/{REPO}/releases/{rid}/assets{{?name,label}}",
            "html_url": f"https://github.com/{REPO}/releases/tag/{TAG}", "id": rid, "author": USER,
            "node_id": "MDA6RW50aXR5MQ==", "tag_name": TAG, "target_commitish": "main", "name": "logflux v0.2.0",
            "draft": draft, "immutable": immutable, "prerelease": prerelease, "created_at": DATE,
            "published_at": None if draft else DATE, "assets": assets,
            "tarball_url": None if draft else f"https://api.github.com/repos/{REPO}/tarball/{TAG}",
            "zipball_url": None if draft else f"https://api.github.com/repos/{REPO}/zipball/{TAG}",
            "body": body}


def asset(aid, name, content, state="uploaded", digest=True):
    return {"url": f"https://api.github.com/repos/{REPO}/releases/assets/{aid}", "id": aid,
            "node_id": "MDA6RW50aXR5MQ==", "name": name, "label": None, "uploader": USER,
            "content_type": "text/plain", "state": state, "size": len(content) if state == "uploaded" else 0,
            "digest": ("sha256:" + hashlib.sha256(content.encode()).hexdigest()) if digest and state == "uploaded"
            else None, "download_count": 42, "created_at": DATE, "updated_at": DATE,
            "browser_download_url": f"https://github.com/{REPO}/releases/download/{TAG}/{name}"}


def tag_ref(status=200):
    if status == 404:
        return call("get", f"/repos/{REPO}/git/ref/tags/{TAG}", 404,
                    {"message": "Not Found", "documentation_url": "https://docs.github.com/rest/git/refs#get-a-reference",
                     "status": "404"})
    return call("get", f"/repos/{REPO}/git/ref/tags/{TAG}", 200,
                {"ref": f"refs/tags/{TAG}", "node_id": "MDA6RW50aXR5MQ==",
                 "url": f"https://api.github.com/repos/{REPO}/git/refs/tags/{TAG}",
                 "object": {"sha": "0000000000000000000000000000000000000001", "type": "commit",
                            "url": f"https://api.github.com/repos/{REPO}/git/commits/0000000000000000000000000000000000000001"}})


def no_published():
    return call("get", f"/repos/{REPO}/releases/tags/{TAG}", 404,
                {"message": "Not Found", "documentation_url": "https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name",
                 "status": "404"})


def list_releases(items):
    return call("get", f"/repos/{REPO}/releases?per_page=100", 200, items)


def list_assets(items, rid=1000):
    return call("get", f"/repos/{REPO}/releases/{rid}/assets", 200, items)


def upload(name, content, status, response, rid=1000):
    return call("post", f"/repos/{REPO}/releases/{rid}/assets?name={name}", status, response, body=content,
                scope=UPLOADS, extra_req={"content-type": "text/plain", "content-length": len(content.encode())})


def create():
    return call("post", f"/repos/{REPO}/releases", 201, release(True, []),
                body={"tag_name": TAG, "target_commitish": "0000000000000000000000000000000000000001",
                      "name": "logflux v0.2.0", "body": "### Added\n- First release of the SDK.",
                      "draft": True, "prerelease": False},
                headers={"location": f"https://api.github.com/repos/{REPO}/releases/1000"})


def publish(assets, make_latest="true"):
    return call("patch", f"/repos/{REPO}/releases/1000", 200, release(False, assets),
                body={"draft": False, "make_latest": make_latest})


def other_release(tag, rid):
    """A published release of another tag, such as a newer major version."""
    return dict(release(False, [], rid=rid), tag_name=tag, name="logflux " + tag,
                html_url=f"https://github.com/{REPO}/releases/tag/{tag}",
                tarball_url=f"https://api.github.com/repos/{REPO}/tarball/{tag}",
                zipball_url=f"https://api.github.com/repos/{REPO}/zipball/{tag}")


def delete_asset(aid):
    return call("delete", f"/repos/{REPO}/releases/assets/{aid}", 204)


HELLO_ASSET = asset(1000, "hello.txt", HELLO)
SUMS_ASSET = asset(1001, "SHA256SUMS", SUMS)
BOTH = [HELLO_ASSET, SUMS_ASSET]

SCENARIOS = {
    # A first release: tag checked, no release yet, draft created, both files uploaded, checked, published.
    "logflux-create-publish": [
        tag_ref(), no_published(), list_releases([]), create(),
        list_assets([]), upload("hello.txt", HELLO, 201, HELLO_ASSET),
        list_assets([HELLO_ASSET]), upload("SHA256SUMS", SUMS, 201, SUMS_ASSET),
        list_assets(BOTH), publish(BOTH)],
    # The run before stopped between upload and publish: the draft is found and finished, nothing uploaded again.
    "logflux-resume-draft": [
        tag_ref(), no_published(), list_releases([release(True, BOTH)]),
        list_assets(BOTH), list_assets(BOTH), list_assets(BOTH), publish(BOTH)],
    # A backport: the draft of v0.2.0 is finished while v1.0.0 is already out, so it is not made "Latest".
    "logflux-backport": [
        tag_ref(), no_published(), list_releases([other_release("v1.0.0", 1001), release(True, BOTH)]),
        list_assets(BOTH), list_assets(BOTH), list_assets(BOTH), publish(BOTH, make_latest="false")],
    # A 502 during the upload left an empty, unfinished asset (state "open"; GitHub's docs call it "starter"): it is deleted and the file uploaded again.
    "logflux-502-unfinished": [
        tag_ref(), no_published(), list_releases([release(True, [])]),
        list_assets([]), upload("hello.txt", HELLO, 502, {"message": "Server Error"}),
        list_assets([asset(1000, "hello.txt", HELLO, state="open")]), delete_asset(1000),
        upload("hello.txt", HELLO, 201, asset(1002, "hello.txt", HELLO)),
        list_assets([asset(1002, "hello.txt", HELLO)]), upload("SHA256SUMS", SUMS, 201, SUMS_ASSET),
        list_assets([asset(1002, "hello.txt", HELLO), SUMS_ASSET]),
        publish([asset(1002, "hello.txt", HELLO), SUMS_ASSET])],
    # A 502 whose upload landed anyway, then a retry answered 422 already_exists: one asset, recognised as ours.
    "logflux-502-then-422": [
        tag_ref(), no_published(), list_releases([release(True, [])]),
        list_assets([]), upload("hello.txt", HELLO, 502, {"message": "Server Error"}),
        list_assets([]),
        upload("hello.txt", HELLO, 422, {"message": "Validation Failed", "request_id": "0000:00000:0000000",
                                          "documentation_url": "https://docs.github.com/rest",
                                          "errors": [{"resource": "ReleaseAsset", "code": "already_exists",
                                                      "field": "name"}]}),
        list_assets([HELLO_ASSET]),
        list_assets([HELLO_ASSET]), upload("SHA256SUMS", SUMS, 201, SUMS_ASSET),
        list_assets(BOTH), publish(BOTH)],
    # A published release already holds hello.txt with other bytes: refused, nothing changed.
    "logflux-conflict": [
        tag_ref(), call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200,
                        release(False, [asset(1000, "hello.txt", "Goodbye!\n")])),
        list_assets([asset(1000, "hello.txt", "Goodbye!\n")])],
    # GitHub lists an older asset without a digest: its bytes are downloaded and hashed, found equal, and kept.
    "logflux-digestless-asset": [
        tag_ref(), call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200,
                        release(False, [asset(1000, "hello.txt", HELLO, digest=False)])),
        list_assets([asset(1000, "hello.txt", HELLO, digest=False)]),
        call("get", f"/repos/{REPO}/releases/assets/1000", 200, HELLO,
             extra_req={"accept": "application/octet-stream"},
             headers={"content-type": "application/octet-stream"}),
        list_assets([asset(1000, "hello.txt", HELLO, digest=False)]), upload("SHA256SUMS", SUMS, 201, SUMS_ASSET),
        list_assets([asset(1000, "hello.txt", HELLO, digest=False), SUMS_ASSET])],
    # An immutable published release without the files: refused before any upload.
    "logflux-immutable": [
        tag_ref(), call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200, release(False, [], immutable=True)),
        list_assets([])],
    # A fine-grained token that may read but not push, expiring soon (the expiry header's numeric-offset form).
    "logflux-token-read-only": [
        call("get", f"/repos/{REPO}", 200, dict(REPOSITORY, permissions={"admin": False, "maintain": False,
                                                                          "push": False, "triage": False, "pull": True}),
             headers={"github-authentication-token-expiration": "2026-12-10 20:23:26 +0200",
                      "x-accepted-github-permissions": "metadata=read", "x-oauth-scopes": None})],
    # A GitHub App installation token (what GITHUB_TOKEN in Actions is): GitHub leaves out `permissions`, and the token
    # lasts an hour.
    "logflux-token-app-installation": [
        call("get", f"/repos/{REPO}", 200, {k: v for k, v in REPOSITORY.items() if k != "permissions"},
             extra_req={"authorization": "Bearer " + APP_TOKEN},
             headers={"github-authentication-token-expiration": "2026-11-27 07:00:00 UTC",
                      "x-accepted-github-permissions": "metadata=read", "x-oauth-scopes": None})],
    # A fine-grained token whose owner may push: GitHub reports the owner's role, not the token's own grant.
    "logflux-token-fine-grained": [
        call("get", f"/repos/{REPO}", 200, dict(REPOSITORY, permissions={"admin": False, "maintain": False,
                                                                          "push": True, "triage": True, "pull": True}),
             extra_req={"authorization": "Bearer " + FINE_GRAINED_TOKEN},
             headers={"github-authentication-token-expiration": "2027-02-01 00:00:00 UTC",
                      "x-accepted-github-permissions": "metadata=read", "x-oauth-scopes": None})],
    # A revoked token.
    "logflux-token-revoked": [
        call("get", f"/repos/{REPO}", 401, {"message": "Bad credentials",
                                          "documentation_url": "https://docs.github.com/rest", "status": "401"})],
    # Yank with github: 'delete' and deleteTag: the release and its tag go; then nothing is found.
    "logflux-yank-delete": [
        call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200, release(False, BOTH)),
        call("delete", f"/repos/{REPO}/releases/1000", 204),
        call("delete", f"/repos/{REPO}/git/refs/tags/{TAG}", 204),
        no_published(), list_releases([])],
    # Yank with github: 'mark': a pre-release, not the latest, with the notice above its notes.
    "logflux-yank-mark": [
        call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200, release(False, BOTH)),
        call("patch", f"/repos/{REPO}/releases/1000", 200,
             release(False, BOTH, prerelease=True,
                     body="**Yanked:** broken wheel\n\n### Added\n- First release of the SDK."),
             body={"prerelease": True, "make_latest": "false",
                   "body": "**Yanked:** broken wheel\n\n### Added\n- First release of the SDK."}),
        call("get", f"/repos/{REPO}/releases/tags/{TAG}", 200,
             release(False, BOTH, prerelease=True,
                     body="**Yanked:** broken wheel\n\n### Added\n- First release of the SDK."))],
    # The releases of the repository, for the upload-history audit.
    "logflux-releases-list": [list_releases([release(False, BOTH)])],
    # The tag was never pushed.
    "logflux-no-tag": [tag_ref(404)],
    # Yank's clean-up: delete the release, then its tag, which is already gone.
    "logflux-delete": [
        call("delete", f"/repos/{REPO}/releases/1000", 204),
        call("delete", f"/repos/{REPO}/git/refs/tags/{TAG}", 422,
             {"message": "Reference does not exist",
              "documentation_url": "https://docs.github.com/rest/git/refs#delete-a-reference", "status": "422"})],
}

for name, entries in SCENARIOS.items():
    with open(os.path.join(HERE, name + ".json"), "w") as out:
        json.dump(entries, out, indent=2)
        out.write("\n")
print("wrote", len(SCENARIOS), "scenarios to", HERE)
