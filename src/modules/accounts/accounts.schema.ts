import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { agencies, lpseDecrees } from '../organisation/organisation.schema.ts';

export const users = pgTable('users', {
  id: id(),
  /** The SPSE "User ID" people type at login; stored in lower case. */
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  nip: text('nip'),
  position: text('position'),
  passwordHash: text('password_hash'),
  status: text('status', { enum: ['active', 'inactive', 'pending'] })
    .notNull()
    .default('active'),
  locale: text('locale', { enum: ['id', 'en'] })
    .notNull()
    .default('id'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** A role held by a person, scoped to an agency (R21, R23). LPSE-team roles cite the decree that appointed them. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    decreeId: uuid('decree_id').references(() => lpseDecrees.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('user_roles_unique').on(t.userId, t.role, t.agencyId).nullsNotDistinct(), index().on(t.role)],
);

/** Server-side sessions; the id is the SHA-256 of the cookie value, so a database dump holds no usable session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index().on(t.userId)],
);

/** Single-use tokens (first-run setup, password reset, e-mail confirmation), stored as SHA-256 only. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose', { enum: ['setup', 'password_reset', 'email_confirm'] }).notNull(),
  userId: uuid('user_id'),
  email: text('email'),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  /** Refused tries made with the link (e.g. a User ID already taken); a link allows only a few. */
  attempts: integer('attempts').notNull().default(0),
  createdAt: ts('created_at').notNull(),
});

/**
 * A role given to an LPSE-unit role that waits for a second person (two-person rule): the Kepala LPSE approves what an
 * Admin Sistem asks for, another Admin Sistem approves a grant of Kepala LPSE. Only an approved request becomes a row
 * of `user_roles`.
 */
export const roleGrantRequests = pgTable(
  'role_grant_requests',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    // One open request per person and role.
    uniqueIndex('role_grant_requests_pending').on(t.userId, t.role).where(sql`status = 'pending'`),
    index().on(t.status),
  ],
);

/**
 * Failed password checks per User ID and per IP address, for the slowdown shared by every password form (/masuk,
 * /daftar/lanjut). The key is the SHA-256 of `user:<id>` or `ip:<address>`, kept for unknown User IDs exactly as for
 * real ones, so the answer never tells whether an account exists (and a mistyped password in the User ID field is not
 * stored in clear).
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: ts('last_failure_at').notNull(),
    blockedUntil: ts('blocked_until'),
  },
  (t) => [index().on(t.lastFailureAt)],
);
