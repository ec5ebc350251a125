import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { listEveryCase, showCaseForOperator, type CaseDeps, type CaseReport } from '../modules/cases/index.ts';
import { systemClock } from '../shared/time.ts';

type Write = (text: string) => void;

/** `case list`: every case with its id, reference, state, title and the deadline that runs out first. */
export async function printCaseList(deps: CaseDeps, write: Write, options: { json?: boolean }): Promise<void> {
  const cases = await listEveryCase(deps);
  if (options.json) {
    write(`${JSON.stringify({ cases }, null, 2)}\n`);
    return;
  }
  if (cases.length === 0) {
    write('No cases.\n');
    return;
  }
  const rows = cases.map((c) => [
    c.id,
    c.reference,
    c.state,
    c.nextDeadline ? `${c.nextDeadline.obligation} ${c.nextDeadline.dueAt}${c.nextDeadline.overdue ? ' OVERDUE' : ''}` : '-',
    c.title,
  ]);
  write(table(['ID', 'REFERENCE', 'STATE', 'NEXT DEADLINE', 'TITLE'], rows));
}

/** `case show`: one case with its facts, deadlines, tasks and timeline. */
export async function printCase(deps: CaseDeps, write: Write, idOrReference: string, options: { json?: boolean }): Promise<void> {
  const report = await showCaseForOperator(deps, idOrReference);
  write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderCase(report));
}

function renderCase({ case: c, tasks, timeline }: CaseReport): string {
  const lines = [
    `${c.reference}  ${c.title}`,
    `id:          ${c.id}`,
    `state:       ${c.state}${c.notABreach ? ' (not a personal data breach)' : ''}`,
    `owner:       ${c.owner?.name ?? '-'}`,
    `aware at:    ${c.awareAt ?? '-'}`,
    `detected at: ${c.detectedAt ?? '-'}`,
    `risk:        ${c.riskOutcome ?? 'not assessed'}`,
    ...(c.closedAt ? [`closed at:   ${c.closedAt}${c.closedReason ? ` (${c.closedReason})` : ''}`] : []),
    '',
    'Deadlines',
  ];
  const partyName = new Map(c.parties.map((p) => [p.id, p.name]));
  lines.push(
    c.deadlines.length === 0
      ? '  (no awareness moment recorded yet)'
      : table(
          ['PARTY', 'OBLIGATION', 'DUE', 'STATUS'],
          c.deadlines.map((d) => [d.partyId ? (partyName.get(d.partyId) ?? d.partyId) : '-', d.obligation, d.dueAt ?? '-', d.overdue ? 'overdue' : d.status]),
          '  ',
        ).trimEnd(),
  );
  lines.push('', 'Facts', indent(JSON.stringify(c.facts, null, 2)), '', 'Tasks');
  lines.push(
    tasks.length === 0
      ? '  (none)'
      : table(['STATUS', 'DUE', 'ASSIGNEE', 'TITLE'], tasks.map((t) => [t.status, t.dueAt ?? '-', t.assignee?.name ?? '-', t.title]), '  ').trimEnd(),
  );
  lines.push('', 'Timeline');
  lines.push(table(['SEQ', 'AT', 'WHO', 'ACTION'], timeline.map((e) => [String(e.seq), e.at, e.actorName, e.action]), '  ').trimEnd());
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function table(header: string[], rows: string[][], prefix = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `${prefix}${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`;
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

async function withDeps(action: (deps: CaseDeps) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await action({ db: database.db, clock: systemClock });
  } finally {
    await database.close();
  }
}

const write: Write = (text) => void process.stdout.write(text);

export function registerCaseCommand(program: Command): void {
  const command = program.command('case').description('Look at breach cases: their states, deadlines, facts, tasks and timeline.');
  command
    .command('list')
    .description('List every case with its id, reference, state and next deadline.')
    .option('--json', 'print the cases as JSON')
    .action(async (options: { json?: boolean }) => withDeps((deps) => printCaseList(deps, write, options)));
  command
    .command('show')
    .description('Show one case with its facts, deadlines, tasks and timeline.')
    .argument('<case>', 'the case id or its reference, e.g. BD-2026-0001')
    .option('--json', 'print the case as JSON')
    .action(async (idOrReference: string, options: { json?: boolean }) => withDeps((deps) => printCase(deps, write, idOrReference, options)));
}
