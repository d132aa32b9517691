import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const html = readFileSync(new URL("../../../index.html", import.meta.url), "utf8");
const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");

describe("index.html's Content-Security-Policy", () => {
  it("allows each inline script by its exact hash, and nothing inline beyond that", () => {
    expect(inlineScripts.length).toBeGreaterThan(0);
    const hashes = inlineScripts.map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
    for (const hash of hashes) expect(scriptSrc).toContain(hash);
    expect(scriptSrc.trim().split(/\s+/).sort()).toEqual(["script-src", "'self'", ...hashes].sort());
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it("comes before the inline script it governs", () => {
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script>"));
  });
});
