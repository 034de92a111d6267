import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { PreparingClient } from './prepared-statements';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of how the service talks to PostgreSQL, for the app, the scripts and the tests. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: 20, application_name: 'child-protection-cms', Client: PreparingClient },
    ...overrides,
  } as DataSourceOptions;
}
