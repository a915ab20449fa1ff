import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
	it('agrees with Node’s hash', async () => {
		const bytes = new TextEncoder().encode('هجين, Hajin\r\n');
		expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
	});
});
