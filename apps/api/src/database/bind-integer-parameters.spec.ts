import { DataSource } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity.js';
import { bindIntegerParameters } from './bind-integer-parameters.js';

describe('bindIntegerParameters', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = bindIntegerParameters(new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [ContactEntity], synchronize: true }));
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('binds integers instead of writing them into the SQL, so one statement serves every id', () => {
    const query = dataSource.createQueryBuilder(ContactEntity, 'c').where('c.id = :id', { id: 600 }).andWhere('c.email = :email', { email: 'a@b.co' });
    const [sql, parameters] = query.getQueryAndParameters();
    expect(sql).not.toContain('600');
    expect(parameters).toEqual([600n, 'a@b.co']);
  });

  it('writes and reads rows as before: integers come back as numbers', async () => {
    const now = new Date().toISOString();
    const fields = { address_book_id: 1, first_name: 'A', last_name: 'B', phone: '1', created_at: now, updated_at: now };
    await dataSource.manager.insert(ContactEntity, { ...fields, email: 'one@example.com' });
    const { id } = await dataSource.manager.findOneByOrFail(ContactEntity, { email: 'one@example.com' });
    await dataSource.manager.update(ContactEntity, { id }, { last_name: 'C' });
    const row = await dataSource.manager.findOneByOrFail(ContactEntity, { id: Number(id) });
    expect(row.last_name).toBe('C');
    expect(typeof row.id).toBe('number');
  });
});
