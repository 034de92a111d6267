import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `read` in one read-only REPEATABLE READ transaction: every query it makes (in parallel or
 * not) sees the same snapshot of the database, so figures read by several queries agree with
 * each other even while cases are written. Read only: nothing in it may write.
 */
export function readSnapshot<T>(db: DataSource, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return read(manager);
  });
}
