// Serves GitHub's recorded API traffic (@octokit/fixtures) plus this project's own fixture files, on 127.0.0.1 only
// (the package's own CLI binds every interface). Usage: node fixtures-server.mjs PORT [EXTRA_FIXTURES_GLOB]
// Prints "listening PORT" when ready. Loaded fixtures expire after 10 minutes.
import express from "express";
import fixtureServerMiddleware from "@octokit/fixtures-server";
import globToFixtures from "./node_modules/@octokit/fixtures-server/lib/glob-to-fixtures.js";
import DEFAULTS from "./node_modules/@octokit/fixtures-server/lib/defaults.js";

const [portText, extraGlob] = process.argv.slice(2);
const port = Number(portText);
const fixtures = { ...DEFAULTS.fixtures, ...(extraGlob ? globToFixtures(extraGlob) : {}) };

const app = express();
app.get("/ping", (request, response) => response.json({ ok: true }));
app.use(fixtureServerMiddleware({
  port,
  fixturesUrl: `http://127.0.0.1:${port}`,
  logLevel: "error",
  ttl: 600000,
  fixtures,
}));
app.listen(port, "127.0.0.1", () => console.log(`listening ${port}`));
