import type { User } from '@contacts/wire-types';
import type { UserEntity } from './user.entity.js';

/** The wire User: never the password hash. (Drivers differ on integer and boolean columns.) */
export function toUser(row: UserEntity): User {
  return { id: Number(row.id), email: row.email, name: row.name, is_admin: Boolean(row.is_admin), created_at: row.created_at };
}
