// `npm audit --omit=dev --audit-level=high`, with one difference: when the registry refuses the advisory
// request itself (some registry mirrors and proxies allow only GET), the audit could not run at all, which is
// reported in a banner instead of failing the build as if a vulnerability had been found.
// Exit codes: 0 no high or critical advisory (or audit unavailable), 1 high or critical advisories found.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  process.stderr.write(`npm audit printed no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}\n`);
  process.exit(1);
}

if (!report.metadata) {
  const reason = report.message ?? report.error?.summary ?? 'unknown error';
  const line = '#'.repeat(72);
  process.stdout.write(`${line}\n### AUDIT NOT PERFORMED: the registry refused the advisory request.\n### ${reason}\n${line}\n`);
  process.exit(0);
}

const counts = report.metadata.vulnerabilities ?? {};
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
process.stdout.write(
  `npm audit (production dependencies): critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}\n`,
);
for (const v of serious) {
  const advisories = v.via.filter((via) => typeof via === 'object').map((via) => `${via.title} (${via.url})`);
  process.stdout.write(`  ${v.severity}: ${v.name} ${v.range}${advisories.length ? ` — ${advisories.join('; ')}` : ` via ${v.via.join(', ')}`}\n`);
}
process.exit(serious.length > 0 ? 1 : 0);
