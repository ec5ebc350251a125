import { newSecretToken } from '../../shared/ids.ts';
import { createCase, listCasesOfOrganisation } from '../cases/index.ts';
import { createUser, listUsers, type UsersDeps } from '../users/index.ts';
import { demoOrganisations, type DemoUser } from './demo-data.ts';
import { addProcessorToOrganisation, createOrganisation, findControllersByName, listProcessorsOfOrganisation } from './organisations.service.ts';

const demoActor = { label: 'demo' };

export interface DemoAccount {
  email: string;
  displayName: string;
  role: DemoUser['role'];
  organisation: string;
}

export interface DemoResult {
  created: { organisations: number; processors: number; users: number; cases: number };
  /** The password of the accounts created in this run; null when every account already existed. */
  password: string | null;
  accounts: DemoAccount[];
}

/**
 * Loads the demo organisations. Each step looks for what an earlier run made (by name, e-mail or title) and
 * adds only what is missing, so running it again, or after an interrupted run, never duplicates anything.
 */
export async function loadDemo(deps: UsersDeps, options: { password?: string } = {}): Promise<DemoResult> {
  const password = options.password ?? newSecretToken(15);
  const created = { organisations: 0, processors: 0, users: 0, cases: 0 };
  const accounts: DemoAccount[] = [];
  const now = deps.clock.now().getTime();

  for (const demo of demoOrganisations) {
    let orgId = (await findControllersByName(deps, demo.name))[0]?.id;
    if (!orgId) {
      orgId = (await createOrganisation(deps, { name: demo.name, sector: demo.sector, nis2: demo.nis2, brands: demo.brands }, demoActor)).id;
      created.organisations += 1;
    }

    let processor = (await listProcessorsOfOrganisation(deps, orgId)).find((p) => p.name === demo.processor.name);
    if (!processor) {
      processor = await addProcessorToOrganisation(deps, orgId, demo.processor, demoActor);
      created.processors += 1;
    }

    const existingEmails = new Set((await listUsers(deps.db, orgId)).map((u) => u.email));
    const wanted = [...demo.users.map((u) => ({ user: u, processorOrgId: undefined })), ...(demo.processorUser ? [{ user: demo.processorUser, processorOrgId: processor.orgId }] : [])];
    for (const { user, processorOrgId } of wanted) {
      accounts.push({ ...user, organisation: demo.name });
      if (existingEmails.has(user.email)) continue;
      await createUser(deps, demoActor, { orgId, email: user.email, displayName: user.displayName, role: user.role, password, processorOrgId });
      created.users += 1;
    }

    const existingTitles = new Set((await listCasesOfOrganisation(deps, orgId)).map((c) => c.title));
    for (const demoCase of demo.cases) {
      if (existingTitles.has(demoCase.title)) continue;
      const awareAt = new Date(now - demoCase.awareHoursAgo * 3_600_000).toISOString();
      await createCase(deps, orgId, { title: demoCase.title, summary: demoCase.summary, state: demoCase.state, awareAt }, demoActor);
      created.cases += 1;
    }
  }
  return { created, password: created.users > 0 ? password : null, accounts };
}
