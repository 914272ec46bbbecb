import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { ExternalController } from './external.controller.js';
import { ExternalUpdateService } from './external-update.service.js';

@Module({
  imports: [ContactsModule],
  controllers: [ExternalController],
  providers: [ExternalUpdateService],
})
export class ExternalModule {}
