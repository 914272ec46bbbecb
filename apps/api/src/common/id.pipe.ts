import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from './api-errors.js';

/** A path id that is not a positive integer names nothing: 404, like Django's URL router. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw notFound();
    return Number(value);
  }
}
