import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../http/actor.ts';
import { mayActOnUsers, userActions, type UserAction } from './users.policy.ts';

// The whole matrix, written out so that a change to any cell shows up in review.
const expected: Record<Role, Record<UserAction, boolean>> = {
  admin: { list: true, create: true, update: true },
  privacy_officer: { list: true, create: false, update: false },
  auditor: { list: true, create: false, update: false },
  security_analyst: { list: false, create: false, update: false },
  staff_reporter: { list: false, create: false, update: false },
  processor: { list: false, create: false, update: false },
};

describe('users policy', () => {
  it('covers every role', () => {
    expect(Object.keys(expected).sort()).toEqual([...roles].sort());
  });

  for (const role of roles) {
    for (const action of userActions) {
      it(`${role} ${expected[role][action] ? 'may' : 'may not'} ${action} users`, () => {
        expect(mayActOnUsers({ role }, action)).toBe(expected[role][action]);
      });
    }
  }
});
