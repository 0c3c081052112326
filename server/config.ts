import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './proxy/trusted-proxy';
import { repoRoot } from './runtime-files';
import type { TsaSettings } from './sealing/tsa-client';

export { repoRoot };

/** Comma-separated PEM files, each holding at least one certificate: checked at start so a typo stops the server, not a verification. */
const trustAnchorFiles = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((file) => file.trim()).filter(Boolean).map((file) => path.resolve(file)))
  .superRefine((files, context) => {
    for (const file of files) {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        context.addIssue({ code: 'custom', message: `cannot read ${file}` });
        continue;
      }
      if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text)) context.addIssue({ code: 'custom', message: `${file} holds no PEM certificate` });
    }
  });

const configSchema = z.object({
  SIGILL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SIGILL_HOST: z.string().min(1).default('127.0.0.1'),
  SIGILL_DATA_DIR: z.string().min(1).default('./data'),
  SIGILL_FORMS_DIR: z.string().min(1).default(path.join(repoRoot, 'forms')),
  SIGILL_CLIENT_DIR: z.string().min(1).default(path.join(repoRoot, 'dist', 'client')),
  SIGILL_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SIGILL_ORG_NAME: z.string().trim().min(1).max(200).default('Kommunen'),
  SIGILL_ADMIN_EMAIL: z.email().default('admin@sigill.local'),
  SIGILL_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  SIGILL_DEMO: z.enum(['0', '1', 'true', 'false']).default('0').transform((value) => value === '1' || value === 'true'),
  SIGILL_DURABILITY: z.enum(['process', 'power']).default('process'),
  SIGILL_DATABASE_URL: z.url({ protocol: /^postgres(?:ql)?$/, error: 'must be a postgres:// URL (leave it unset for the embedded SQLite file)' }).optional(),
  SIGILL_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SIGILL_TRUST_PROXY: z.string().optional().transform((text, context) => {
    const parsed = parseTrustProxy(text);
    if ('error' in parsed) {
      context.addIssue({ code: 'custom', message: `${parsed.error}; give a hop count (1) or addresses and CIDR ranges (127.0.0.1, 10.0.0.0/8)` });
      return z.NEVER;
    }
    return parsed;
  }),
  SIGILL_SEAL_P12: z.string().min(1).optional(),
  SIGILL_SEAL_KEY: z.string().min(1).optional(),
  SIGILL_SEAL_CERT: z.string().min(1).optional(),
  SIGILL_SEAL_PASSPHRASE: z.string().optional(),
  SIGILL_PDF_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  SIGILL_PASSWORD_SCRYPT_N: z.coerce
    .number()
    .int()
    .min(4096)
    .max(1_048_576)
    .refine((n) => Number.isInteger(Math.log2(n)), 'must be a power of two (e.g. 32768)')
    .default(32768),
  SIGILL_TRUST_ANCHORS: trustAnchorFiles,
  SIGILL_TSA_URL: z.url({ protocol: /^https?$/, error: 'must be the http:// or https:// address of an RFC 3161 time-stamping authority' }).optional(),
  SIGILL_TSA_USERNAME: z.string().min(1).optional(),
  SIGILL_TSA_PASSWORD: z.string().optional(),
  SIGILL_TSA_HASH: z.enum(['sha256', 'sha384', 'sha512']).default('sha256'),
  SIGILL_TSA_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  SIGILL_TSA_RETRY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
}).refine((values) => !(values.SIGILL_SEAL_P12 && (values.SIGILL_SEAL_KEY || values.SIGILL_SEAL_CERT)), { message: 'set either SIGILL_SEAL_P12 or SIGILL_SEAL_KEY with SIGILL_SEAL_CERT, not both', path: ['SIGILL_SEAL_P12'] })
  .refine((values) => Boolean(values.SIGILL_SEAL_KEY) === Boolean(values.SIGILL_SEAL_CERT), { message: 'SIGILL_SEAL_KEY and SIGILL_SEAL_CERT go together', path: ['SIGILL_SEAL_KEY'] })
  .refine((values) => values.SIGILL_TSA_URL !== undefined || (values.SIGILL_TSA_USERNAME === undefined && values.SIGILL_TSA_PASSWORD === undefined), {
    message: 'SIGILL_TSA_USERNAME and SIGILL_TSA_PASSWORD need SIGILL_TSA_URL',
    path: ['SIGILL_TSA_URL'],
  })
  // Reachable from the network without a public URL, the server cannot know it sits behind TLS, so its cookies would lack Secure.
  .refine((values) => values.SIGILL_PUBLIC_URL !== undefined || isLoopbackHost(values.SIGILL_HOST), {
    message: 'set SIGILL_PUBLIC_URL (the https:// address the TLS proxy serves) when SIGILL_HOST is not a loopback address',
    path: ['SIGILL_PUBLIC_URL'],
  });

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  formsDir: string;
  clientDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  organisationName: string;
  adminEmail: string;
  /** Undefined means: generate one on first start and print it once. */
  adminPassword: string | undefined;
  demo: boolean;
  /** `process`: WAL with synchronous=NORMAL survives a crash of the process; `power`: FULL also survives a power cut, at a cost per write. */
  durability: 'process' | 'power';
  /** postgres://… selects PostgreSQL (several processes may share it); undefined keeps the SQLite file in the data folder. */
  databaseUrl: string | undefined;
  /** Where people reach Sigill; the protocol's QR code and verify link point here. */
  publicUrl: string;
  /**
   * The origin of SIGILL_PUBLIC_URL when it is set: then it alone passes the CSRF origin check, and an
   * https origin makes cookies Secure and sends HSTS whatever protocol reaches the socket.
   */
  publicOrigin: string | undefined;
  /** Which proxies may name the client's address in X-Forwarded-For. */
  trustProxy: TrustProxy;
  /** The organisation's seal; all unset means a development certificate in the data folder. */
  seal: { p12File: string | undefined; keyFile: string | undefined; certificateFile: string | undefined; passphrase: string | undefined };
  /** Render processes that lay out and seal protocols and reports. */
  pdfWorkers: number;
  /** scrypt's cost (N) for new password hashes; each stored hash keeps the cost it was made with. */
  passwordScryptN: number;
  /** PEM files of CA certificates or neighbouring seals whose signatures verification calls valid (besides this installation's seal). */
  trustAnchorFiles: string[];
  /** The RFC 3161 time-stamping authority every seal asks for a timestamp (PAdES B-T); null: seals carry none. */
  tsa: TsaSettings | null;
  /** How often seals made while the authority was down are offered to it again. */
  tsaRetryMinutes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once; every later reader gets the typed object, never process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  return {
    port: values.SIGILL_PORT,
    host: values.SIGILL_HOST,
    dataDir: path.resolve(values.SIGILL_DATA_DIR),
    formsDir: path.resolve(values.SIGILL_FORMS_DIR),
    clientDir: path.resolve(values.SIGILL_CLIENT_DIR),
    logLevel: values.SIGILL_LOG_LEVEL,
    organisationName: values.SIGILL_ORG_NAME,
    adminEmail: values.SIGILL_ADMIN_EMAIL,
    adminPassword: values.SIGILL_ADMIN_PASSWORD,
    demo: values.SIGILL_DEMO,
    durability: values.SIGILL_DURABILITY,
    databaseUrl: values.SIGILL_DATABASE_URL,
    publicUrl: (values.SIGILL_PUBLIC_URL ?? `http://${values.SIGILL_HOST}:${values.SIGILL_PORT}`).replace(/\/+$/, ''),
    publicOrigin: values.SIGILL_PUBLIC_URL === undefined ? undefined : new URL(values.SIGILL_PUBLIC_URL).origin,
    trustProxy: values.SIGILL_TRUST_PROXY,
    seal: {
      p12File: values.SIGILL_SEAL_P12 ? path.resolve(values.SIGILL_SEAL_P12) : undefined,
      keyFile: values.SIGILL_SEAL_KEY ? path.resolve(values.SIGILL_SEAL_KEY) : undefined,
      certificateFile: values.SIGILL_SEAL_CERT ? path.resolve(values.SIGILL_SEAL_CERT) : undefined,
      passphrase: values.SIGILL_SEAL_PASSPHRASE,
    },
    pdfWorkers: values.SIGILL_PDF_WORKERS ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    passwordScryptN: values.SIGILL_PASSWORD_SCRYPT_N,
    trustAnchorFiles: values.SIGILL_TRUST_ANCHORS,
    tsa: values.SIGILL_TSA_URL === undefined
      ? null
      : {
        url: values.SIGILL_TSA_URL,
        username: values.SIGILL_TSA_USERNAME,
        password: values.SIGILL_TSA_PASSWORD,
        hashAlgorithm: values.SIGILL_TSA_HASH,
        timeoutMs: values.SIGILL_TSA_TIMEOUT_SECONDS * 1000,
      },
    tsaRetryMinutes: values.SIGILL_TSA_RETRY_MINUTES,
  };
}
