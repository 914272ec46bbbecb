/** What lists and reads select from `contacts c`: everything but `vcard_extra` (possibly large, only the vCard needs it). */
export const LIST_COLUMNS = `c.id, c.address_book_id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.updated_at,
  c.organization, c.job_title, c.notes, c.birthday, c.other_emails, c.other_phones, c.addresses, c.uid`;

/** The same with `vcard_extra`: what the export, CardDAV and one contact's vCard read. */
export const STORED_COLUMNS = `${LIST_COLUMNS}, c.vcard_extra`;
