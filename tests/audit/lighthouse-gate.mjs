// Gates the Lighthouse scores of an audit-site --json report: accessibility 100, best practices >= 95, SEO >= 95
// on every page Lighthouse ran on. Performance is printed, not gated (timing swings on a busy 2-core machine).
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const lighthouse = report.checks?.lighthouse;
const minimum = { accessibility: 100, "best-practices": 95, seo: 95 };

if (!lighthouse || lighthouse.status !== "ok" || !lighthouse.pages?.length) {
  console.error(`lighthouse gate: Lighthouse did not run (${lighthouse?.status ?? "missing"}); scores cannot be checked`);
  process.exit(1);
}

let failed = false;
for (const page of lighthouse.pages) {
  const scores = page.scores ?? {};
  const line = Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(", ");
  const low = Object.entries(minimum).filter(([k, min]) => !(scores[k] >= min));
  console.log(`lighthouse gate: ${page.page}: ${line}${low.length ? "  BELOW: " + low.map(([k, min]) => `${k} < ${min}`).join(", ") : ""}`);
  failed ||= low.length > 0;
}
process.exit(failed ? 1 : 0);
