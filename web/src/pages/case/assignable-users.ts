import { api } from '../../api.ts';
import type { PersonRef } from '../../api-types.ts';

let cached: Promise<PersonRef[]> | undefined;

/** The owner and assignee pickers share one request per page view; a failure is retried next time. */
export function loadAssignableUsers(): Promise<PersonRef[]> {
  cached ??= api.listAssignableUsers().then(
    (r) => r.users,
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
