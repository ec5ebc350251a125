import { newId } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { issueSetupToken } from '../auth/index.ts';
import { countAllUsers, insertOrganisationRow, insertUser, listControllerOrganisations } from './users.repository.ts';
import type { UsersDeps } from './users.service.ts';

export const firstAdminEmail = 'admin@localhost';
const systemActor = { label: 'system' };

/**
 * On a database without any account: makes sure a controller organisation exists and creates the admin
 * account without a password. Returns the one-time link to choose that password, or null when accounts
 * already exist (then it changes nothing).
 */
export async function ensureFirstAdmin(deps: UsersDeps): Promise<string | null> {
  return deps.db.transaction().execute(async (tx) => {
    if ((await countAllUsers(tx)) > 0) return null;
    const now = deps.clock.now();
    let org = (await listControllerOrganisations(tx))[0];
    if (!org) {
      org = {
        id: newId(now.getTime()),
        kind: 'controller',
        name: 'My organisation',
        sector: 'other',
        nis2: 'none',
        time_zone: 'Europe/Amsterdam',
        default_locale: 'nl',
        created_at: now.toISOString(),
      };
      await insertOrganisationRow(tx, org);
      await recordAuditEvent(tx, deps.clock, { orgId: org.id, actor: systemActor, action: 'organisation.created', subjectType: 'organisation', subjectId: org.id });
    }
    const userId = newId(now.getTime());
    await insertUser(tx, {
      id: userId,
      org_id: org.id,
      email: firstAdminEmail,
      display_name: 'Administrator',
      role: 'admin',
      processor_org_id: null,
      password_hash: null,
      locale: org.default_locale,
      disabled_at: null,
      created_at: now.toISOString(),
    });
    await recordAuditEvent(tx, deps.clock, { orgId: org.id, actor: systemActor, action: 'user.created', subjectType: 'user', subjectId: userId, details: { role: 'admin', passwordSet: false } });
    return issueSetupToken(tx, deps, userId);
  });
}
