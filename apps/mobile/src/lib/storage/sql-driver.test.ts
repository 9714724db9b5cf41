import { TransactionAlreadyActiveError } from './errors';
import type { SqlDriver } from './sql-driver';
import { DRIVERS } from './test-drivers';

describe.each(DRIVERS)('the %s', (_name, openDriver) => {
  let driver: SqlDriver;

  beforeEach(async () => {
    driver = openDriver();
    await driver.exec('CREATE TABLE t (x INTEGER NOT NULL)');
  });

  afterEach(async () => {
    await driver.close();
  });

  const values = async () =>
    (await driver.all<{ x: number }>('SELECT x FROM t ORDER BY x')).map((r) => r.x);

  it('binds parameters and reports changed rows', async () => {
    expect(await driver.run('INSERT INTO t (x) VALUES (?), (?)', [1, 2])).toEqual({ changes: 2 });
    expect(await driver.run('UPDATE t SET x = x + 10 WHERE x > ?', [1])).toEqual({ changes: 1 });
    expect(await driver.first('SELECT x FROM t WHERE x = ?', [12])).toEqual({ x: 12 });
    expect(await driver.first('SELECT x FROM t WHERE x = ?', [99])).toBeNull();
    expect(await values()).toEqual([1, 12]);
  });

  it('reads rows as arrays of column values in SELECT order', async () => {
    await driver.run('INSERT INTO t (x) VALUES (?), (?), (?)', [3, 1, 2]);

    expect(
      await driver.allRows("SELECT x, x * 2, 'row ' || x FROM t WHERE x > ? ORDER BY x", [1]),
    ).toEqual([
      [2, 4, 'row 2'],
      [3, 6, 'row 3'],
    ]);
    expect(await driver.allRows('SELECT x FROM t WHERE x > 9')).toEqual([]);
  });

  it('commits a transaction and returns its result', async () => {
    const result = await driver.transaction(async () => {
      await driver.run('INSERT INTO t (x) VALUES (1)');
      return 'done';
    });

    expect(result).toBe('done');
    expect(await values()).toEqual([1]);
  });

  it('rolls back when the function throws, rethrowing its error', async () => {
    const boom = new Error('boom');
    await expect(
      driver.transaction(async () => {
        await driver.run('INSERT INTO t (x) VALUES (1)');
        throw boom;
      }),
    ).rejects.toBe(boom);

    expect(await values()).toEqual([]);
    await driver.transaction(async () => driver.run('INSERT INTO t (x) VALUES (2)'));
    expect(await values()).toEqual([2]);
  });

  it('refuses a second transaction while one is open, without disturbing the first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = driver.transaction(async () => {
      await driver.run('INSERT INTO t (x) VALUES (1)');
      await gate;
      await driver.run('INSERT INTO t (x) VALUES (2)');
    });

    await expect(driver.transaction(async () => undefined)).rejects.toThrow(
      TransactionAlreadyActiveError,
    );
    release();
    await first;

    expect(await values()).toEqual([1, 2]);
  });
});
