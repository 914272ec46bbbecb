import { detectFileFormat, detectImportFormat, sniffImportFormat } from './import-format';

describe('detectImportFormat', () => {
  it('knows vCard and CSV by extension, then by type', () => {
    expect(detectImportFormat({ name: 'Contacts.VCF', type: '' })).toBe('vcard');
    expect(detectImportFormat({ name: 'a.vcard', type: '' })).toBe('vcard');
    expect(detectImportFormat({ name: 'google.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
    expect(detectImportFormat({ name: 'export', type: 'text/vcard;charset=utf-8' })).toBe('vcard');
    expect(detectImportFormat({ name: 'export', type: 'text/x-vcard' })).toBe('vcard');
    expect(detectImportFormat({ name: 'export', type: 'text/csv' })).toBe('csv');
    expect(detectImportFormat({ name: 'photo.png', type: 'image/png' })).toBeNull();
  });

  it('falls back to the first bytes for a nameless vCard', async () => {
    expect(sniffImportFormat('\uFEFF\r\nbegin:vcard\r\nVERSION:3.0')).toBe('vcard');
    expect(sniffImportFormat('first_name,last_name')).toBeNull();
    expect(await detectFileFormat(new File(['BEGIN:VCARD\r\nEND:VCARD\r\n'], 'contacts', { type: '' }))).toBe('vcard');
    expect(await detectFileFormat(new File(['\x89PNG'], 'x.bin', { type: 'application/octet-stream' }))).toBeNull();
  });
});
