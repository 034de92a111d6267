import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ensureFirstAdmin, FirstAdmin } from '../../src/users/first-admin';
import { AppConfig, loadConfig } from '../../src/config/config';
import { appRoleUrl } from '../../src/database/app-role';
import { createTestDatabase, TEST_APP_PASSWORD } from '../setup/test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
/** The one-time password the admin gives every test user… */
export const TEST_PASSWORD = 'a-long-test-password';
/** …and the one each user then chooses (POST /auth/password). */
export const CHANGED_PASSWORD = 'a-password-of-my-own';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, with its own content type (CSV, malformed JSON). */
  raw?: { contentType: string; data: string };
  headers?: Record<string, string>;
}

/** The real application on a fresh database of its own, reached over real HTTP. */
export class TestApp {
  private tokens = new Map<string, string>();
  private userCounter = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: DataSource,
    readonly baseUrl: string,
    readonly config: AppConfig,
    /** The table owner's connection string (what migrations use); the app runs as `cms_app`. */
    readonly ownerUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    /** What the start made of the first admin (its generated password when ADMIN_PASSWORD is ''). */
    readonly firstAdmin: FirstAdmin | undefined,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ADMIN_PASSWORD,
      // Every test signs its users in from 127.0.0.1; test/login-throttle.e2e-spec.ts sets a low one.
      LOGIN_RATE_LIMIT: '100000',
      // Tests sweep for deadline notifications themselves, at the times they choose.
      NOTIFY_SWEEP_SECONDS: '0',
      ...env,
    });
    const app = await createApp(config, appRoleUrl(database.url, TEST_APP_PASSWORD));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const db = app.get(DataSource);
    const firstAdmin = await ensureFirstAdmin(db, config);
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, db, `http://127.0.0.1:${address.port}`, config, database.url, database.drop, firstAdmin);
  }

  /** One statement as the owner of the tables (the role that could, say, disable a trigger). */
  async asOwner<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.data;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get = <T = any>(path: string, token?: string) => this.request<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('POST', path, { body, token });
  put = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('PUT', path, { body, token });

  async login(username: string, password: string): Promise<string> {
    const response = await this.post('/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${response.text}`);
    return response.body.accessToken as string;
  }

  adminToken(): Promise<string> {
    return this.cachedToken('admin', () => this.login('admin', ADMIN_PASSWORD));
  }

  /** Signs in a new user of `role` whose scope is `areaCode` (created by the admin through the API). */
  async tokenFor(role: string, areaCode = 'VN'): Promise<string> {
    return this.cachedToken(`${role}@${areaCode}`, async () => {
      const username = `${role.replace(/_/g, '-')}.${++this.userCounter}`;
      await this.createUser(username, role, areaCode);
      return this.signInFirstTime(username);
    });
  }

  /** The admin creates a user with a one-time password; answers its id. */
  async createUser(username: string, role: string, areaCode = 'VN', password = TEST_PASSWORD): Promise<string> {
    const created = await this.post(
      '/users',
      { username, password, fullName: `Test ${role}`, role, areaCode },
      await this.adminToken(),
    );
    if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${created.text}`);
    return created.body.id as string;
  }

  /** What a user does with a one-time password: signs in, chooses `newPassword`, signs in with it. */
  async signInFirstTime(
    username: string,
    oneTimePassword = TEST_PASSWORD,
    newPassword = CHANGED_PASSWORD,
  ): Promise<string> {
    const first = await this.post('/auth/login', { username, password: oneTimePassword });
    if (first.status !== 200) throw new Error(`login ${username} failed: ${first.status} ${first.text}`);
    if (!first.body.passwordChangeRequired) return first.body.accessToken as string;
    const changed = await this.post(
      '/auth/password',
      { currentPassword: oneTimePassword, newPassword },
      first.body.accessToken,
    );
    if (changed.status !== 204)
      throw new Error(`password change of ${username} failed: ${changed.status} ${changed.text}`);
    return this.login(username, newPassword);
  }

  private async cachedToken(key: string, make: () => Promise<string>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const token = await make();
    this.tokens.set(key, token);
    return token;
  }
}
