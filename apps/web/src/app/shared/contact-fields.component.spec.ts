import { TestBed } from '@angular/core/testing';
import { CONTACT_FIELD_MAX_LENGTH, CONTACT_FIELD_NAMES } from '@contacts/wire-types';
import { ContactFieldsComponent } from './contact-fields.component';
import { emptyFields, validateContact } from './contact-validation';

describe('ContactFieldsComponent', () => {
  it('never lets the browser cut off a value the validator accepts (maxlength counts UTF-16 units)', async () => {
    const fixture = TestBed.createComponent(ContactFieldsComponent);
    fixture.componentRef.setInput('value', emptyFields());
    fixture.componentRef.setInput('idPrefix', 't');
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    for (const name of CONTACT_FIELD_NAMES) {
      const input = root.querySelector<HTMLInputElement>(`#t-${name}`)!;
      // The longest valid value: the limit in astral characters, two UTF-16 units each.
      const longest = '😀'.repeat(CONTACT_FIELD_MAX_LENGTH[name]);
      expect(validateContact({ ...emptyFields(), [name]: longest })[name] ?? '').not.toMatch(/at most/);
      // Still capped, so a huge paste cannot freeze the form; the validator gives the message.
      expect(input.maxLength).toBeGreaterThanOrEqual(longest.length);
    }
  });
});
