import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Contacts API')
    .setDescription(
      'Contacts with immutable history and realtime events. Wire contract: CONTRACT.md. ' +
        'Realtime: Socket.IO namespace /contacts (events contact.created, contact.updated, contact.deleted) ' +
        'and plain WebSocket /ws/contacts/; both carry {"type", "contact" | "contact_id", "seq"}.',
    )
    .setVersion('1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
