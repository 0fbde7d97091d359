import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated at boot and every problem is reported at once,
 * so an operator fixes the whole configuration in one go instead of one restart per typo.
 */
/**
 * The placeholder ocid prefix for demos and tests: not registered with the Open Contracting Partnership, so data
 * published under it must not be harvested as real (the open-data page says so while it is in use).
 */
export const OCDS_PLACEHOLDER_PREFIX = 'ocds-demo00';

/**
 * OCID prefixes of other publishers, which ours must never reuse (R02; PEERS §5.4: an ocid prefix belongs to one
 * publisher). LKPP's national SPSE/ISB publication (OCP data registry, publication 101) goes here with its registered
 * prefix; `ocds-afzrfb` is Kota Bandung's BIRMS.
 */
export const FOREIGN_OCID_PREFIXES: readonly string[] = ['ocds-afzrfb'];

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'harus berupa URL postgres:// atau postgresql://')
    .optional(),
  BASE_URL: z.url({ message: 'harus berupa URL lengkap, misalnya https://lpse.konkepkab.go.id' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'harus berupa URL smtp:// atau smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('LPSE Kabupaten Konawe Kepulauan <lpse@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LPSE_NAME: z.string().min(3).default('LPSE Kabupaten Konawe Kepulauan'),
  MAIL_POLL_MS: z.coerce.number().int().min(100).default(5000),
  JOBS_POLL_MS: z.coerce.number().int().min(100).default(5000),
  BID_STREAMS: z.coerce.number().int().min(1).max(1000).default(8),
  MASTER_KEY_FILE: z.string().min(1).optional(),
  OCDS_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, 'harus berupa prefiks OCID dari Open Contracting Partnership, misalnya ocds-abc123')
    .refine((p) => !FOREIGN_OCID_PREFIXES.includes(p), {
      message: 'prefiks ini milik penerbit lain (LKPP/SPSE nasional atau pemda lain); daftarkan prefiks sendiri',
    })
    .optional(),
  NATIONAL_FEED_PUSH_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'harus berupa URL http:// atau https://')
    .optional(),
  NATIONAL_FEED_PUSH_TOKEN: z.string().min(8).optional(),
  LPSE_TEST_CLOCK_FILE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  lpseName: string;
  mailPollMs: number;
  jobsPollMs: number;
  /** Sealed-bid bodies that always stream; more are let in while the event loop keeps up (bids/admission.ts). */
  bidStreams: number;
  /** The keyring that wraps the data keys of encrypted documents (default DATA_DIR/keys/master.json). */
  masterKeyFile: string;
  /** The ocid prefix of this LPSE's OCDS publication (R02): registered with the OCP, never LKPP's. */
  ocdsPrefix: string;
  /** True while no prefix is configured and the demo placeholder is used. */
  ocdsPrefixIsPlaceholder: boolean;
  /** Where the push job sends new OCDS releases for the national portal (R49); unset = no push. */
  nationalFeedPushUrl: string | undefined;
  /** Sent as `Authorization: Bearer …` with each push, when the receiver asks for one. */
  nationalFeedPushToken: string | undefined;
  /**
   * Browser tests only: a file holding an offset in milliseconds that the server adds to the system time, so a test
   * can move one instance through a tender's schedule (the stage is derived from the clock). Refused in production.
   */
  testClockFile: string | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings are treated as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.LPSE_TEST_CLOCK_FILE && e.NODE_ENV === 'production') {
    throw new ConfigError(['LPSE_TEST_CLOCK_FILE: jam uji tidak boleh dipakai saat NODE_ENV=production']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    lpseName: e.LPSE_NAME,
    mailPollMs: e.MAIL_POLL_MS,
    jobsPollMs: e.JOBS_POLL_MS,
    bidStreams: e.BID_STREAMS,
    masterKeyFile: path.resolve(e.MASTER_KEY_FILE ?? path.join(e.DATA_DIR, 'keys', 'master.json')),
    ocdsPrefix: e.OCDS_PREFIX ?? OCDS_PLACEHOLDER_PREFIX,
    ocdsPrefixIsPlaceholder: e.OCDS_PREFIX === undefined,
    nationalFeedPushUrl: e.NATIONAL_FEED_PUSH_URL,
    nationalFeedPushToken: e.NATIONAL_FEED_PUSH_TOKEN,
    testClockFile: e.LPSE_TEST_CLOCK_FILE ? path.resolve(e.LPSE_TEST_CLOCK_FILE) : undefined,
  };
}
