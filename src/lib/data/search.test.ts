import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from './search';

describe('normaliseForSearch', () => {
	it('folds case, punctuation and Latin diacritics', () => {
		expect(normaliseForSearch('Al-Bukamal (Abu Kamal)')).toBe('al bukamal abu kamal');
		expect(normaliseForSearch('Hajīn')).toBe('hajin');
		expect(normaliseForSearch("Al-Qa'im")).toBe('al qa im');
		expect(normaliseForSearch('https://www.kurdistan24.net/en/news/1')).toBe(
			'https www kurdistan24 net en news 1'
		);
	});

	it('folds Arabic spelling variants', () => {
		expect(normaliseForSearch('البوكمال')).toBe(normaliseForSearch('البوكمال'));
		expect(normaliseForSearch('إدلب')).toBe(normaliseForSearch('ادلب'));
		expect(normaliseForSearch('السوسة')).toBe('السوسه');
		expect(normaliseForSearch('الرقّة')).toBe(normaliseForSearch('الرقه'));
		expect(normaliseForSearch('مستشفى')).toBe('مستشفي');
	});
});
