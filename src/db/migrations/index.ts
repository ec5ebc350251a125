import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as caseWorkflow from './0005-case-workflow.ts';
import * as intake from './0006-intake.ts';
import * as assessmentAndRegulator from './0007-assessment-and-regulator.ts';
import * as security from './0008-security.ts';
import * as affectedPeople from './0009-affected-people.ts';
import * as incidentPages from './0011-incident-pages.ts';
import * as analyses from './0012-analyses.ts';
import * as notifications from './0013-notifications.ts';
import * as reportEncryption from './0015-report-encryption.ts';

/** Every migration in order. A new one is appended here; names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0005-case-workflow': caseWorkflow,
  '0006-intake': intake,
  '0007-assessment-and-regulator': assessmentAndRegulator,
  '0008-security': security,
  '0009-affected-people': affectedPeople,
  '0011-incident-pages': incidentPages,
  '0012-analyses': analyses,
  '0013-notifications': notifications,
  '0015-report-encryption': reportEncryption,
};
