import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangesPage,
  type Contact,
  type ContactEvent,
  EDITED_REASONS,
  type EditedReason,
  type Health,
  type Page,
  type Version,
} from '@contacts/wire-types';

/* OpenAPI descriptions of the wire types. The types themselves live in @contacts/wire-types. */

export class ContactSchema implements Contact {
  @ApiProperty({ example: 1, readOnly: true }) id!: number;
  @ApiProperty({ example: 'Ada' }) first_name!: string;
  @ApiProperty({ example: 'Lovelace' }) last_name!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ example: '+1-555-1000' }) phone!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000Z', readOnly: true }) created_at!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000Z', readOnly: true }) updated_at!: string;
}

export class ContactPageSchema implements Page<Contact> {
  @ApiProperty({ example: 42 }) count!: number;
  @ApiProperty({ type: String, nullable: true, example: 'http://localhost:8000/api/contacts/?page=3' }) next!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'http://localhost:8000/api/contacts/' }) previous!: string | null;
  @ApiProperty({ type: [ContactSchema] }) results!: Contact[];
}

export class VersionSchema implements Version {
  @ApiProperty({ example: 7, description: 'Also the realtime seq of the mutation that wrote it' }) id!: number;
  @ApiProperty({ example: 1, description: 'Contact id' }) contact!: number;
  @ApiProperty({ example: 'Ada' }) first_name!: string;
  @ApiProperty({ example: 'Lovelace' }) last_name!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ example: '+1-555-1000' }) phone!: string;
  @ApiProperty({ example: '2026-11-26T10:00:20.000Z' }) edited_at!: string;
  @ApiProperty({ enum: EDITED_REASONS, example: 'created' }) edited_reason!: EditedReason;
}

export class ContactEventSchema {
  @ApiProperty({ enum: ['contact.created', 'contact.updated', 'contact.deleted'] }) type!: ContactEvent['type'];
  @ApiPropertyOptional({ type: ContactSchema, description: 'For contact.created and contact.updated' }) contact?: Contact;
  @ApiPropertyOptional({ example: 1, description: 'For contact.deleted' }) contact_id?: number;
  @ApiProperty({ example: 42, description: 'Id of the version the mutation wrote; grows with every mutation' }) seq!: number;
}

export class ChangesPageSchema implements ChangesPage {
  @ApiProperty({ type: [ContactEventSchema] }) results!: ContactEvent[];
  @ApiProperty({ example: 42, description: 'Seq of the last event returned (or the newest seq when none)' }) last_seq!: number;
}

export class FieldErrorsSchema {
  @ApiPropertyOptional({ type: [String], example: ['Email must be unique.'] }) email?: string[];
  @ApiPropertyOptional({ type: [String], example: ['This field is required.'] }) first_name?: string[];
  @ApiPropertyOptional({ type: [String] }) last_name?: string[];
  @ApiPropertyOptional({ type: [String], example: ['Enter a valid phone number.'] }) phone?: string[];
}

export class DetailSchema {
  @ApiProperty({ example: 'Not found.' }) detail!: string;
}

export class RevertRequestSchema {
  @ApiProperty({ example: 7, description: 'Id of one of this contact’s versions' }) version!: number;
}

export class ExternalUpdateSchema {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiPropertyOptional({ example: 'Ada' }) first_name?: string;
  @ApiPropertyOptional({ example: 'Lovelace' }) last_name?: string;
  @ApiPropertyOptional({ example: 'ada@example.com' }) email?: string;
  @ApiPropertyOptional({ example: '+1-555-1000' }) phone?: string;
}

export class HealthSchema implements Health {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down', 'disabled'] }) redis!: 'up' | 'down' | 'disabled';
}
