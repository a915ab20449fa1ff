import { describe, expect, it } from 'vitest';
import { exportedLine } from './export-image';

describe('exportedLine', () => {
	it('gives the export time in UTC with a short month name', () => {
		expect(exportedLine(new Date('2026-11-24T09:05:59Z'))).toBe('Exported 24 Nov 2026, 09:05 UTC');
		expect(exportedLine(new Date('2019-01-01T23:30:00Z'))).toBe('Exported 1 Jan 2019, 23:30 UTC');
	});
});
