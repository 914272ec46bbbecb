import { describe, expect, it } from '@jest/globals';
import { parameterMark, parameterMarks } from './parameter-marks.js';

describe('parameter marks', () => {
  it('number the parameters on PostgreSQL and use ? on SQLite', () => {
    expect([parameterMark(true, 3), parameterMark(false, 3)]).toEqual(['$3', '?']);
    expect(parameterMarks(true, 3)).toBe('$1, $2, $3');
    expect(parameterMarks(false, 3)).toBe('?, ?, ?');
  });
});
