/**
 * The browser's storage for this site: how much is used of how much, whether the browser
 * promised to keep it (navigator.storage.persist), and storage failures said in words. Every
 * call copes with a browser (or a test) without the Storage API: it answers null.
 */

export interface StorageUsage {
	/** Bytes this site uses, and may use (the browser's estimate, not an exact figure). */
	usage: number;
	quota: number;
	/** Whether the browser keeps the data even when space runs short; null: unknown. */
	persisted: boolean | null;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

function manager(): StorageManagerLike | null {
	const storage = (globalThis.navigator as Navigator | undefined)?.storage;
	return storage && typeof storage.estimate === 'function' ? storage : null;
}

export async function storageUsage(): Promise<StorageUsage | null> {
	const storage = manager();
	if (!storage) return null;
	try {
		const { usage, quota } = await storage.estimate();
		if (usage === undefined || quota === undefined) return null;
		const persisted =
			typeof storage.persisted === 'function' ? await storage.persisted().catch(() => null) : null;
		return { usage, quota, persisted };
	} catch {
		return null;
	}
}

/**
 * Asks the browser to keep this site's data when space runs short (it may ask the user, or
 * decide by itself); whether it will, or null when the browser cannot say.
 */
export async function askPersistence(): Promise<boolean | null> {
	const storage = manager();
	if (!storage || typeof storage.persist !== 'function') return null;
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
		return await storage.persist();
	} catch {
		return null;
	}
}

/**
 * A size in decimal units as a reader takes it in at a glance: the value, its unit (0 bytes,
 * 1 kB, 2 MB, 3 GB, 4 TB) and how many decimals to show (one below 10 of a unit, else none).
 */
export function scaledBytes(bytes: number): {
	value: number;
	unit: 0 | 1 | 2 | 3 | 4;
	fractionDigits: number;
} {
	let value = bytes;
	let unit: 0 | 1 | 2 | 3 | 4 = 0;
	while (value >= 1000 && unit < 4) {
		value /= 1000;
		unit = (unit + 1) as 1 | 2 | 3 | 4;
	}
	return { value, unit, fractionDigits: unit === 0 || value >= 10 ? 0 : 1 };
}

/** Bytes in words a reader takes in at a glance: "1.2 GB", "340 MB", "12 kB". */
export function formatBytes(bytes: number): string {
	const { value, unit, fractionDigits } = scaledBytes(bytes);
	const units = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;
	return `${value.toLocaleString('en', { maximumFractionDigits: fractionDigits })} ${units[unit]}`;
}

/** Whether an error is the browser refusing to store more (a full quota or disk). */
export function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: unknown } | null)?.name;
	return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** A storage failure as the user should read it. */
export function describeStorageError(error: unknown): string {
	if (isQuotaError(error)) {
		return "the browser's storage for this site is full (remove a saved dataset, or free disk space)";
	}
	if (error instanceof Error || error instanceof DOMException) {
		return error.message || error.name;
	}
	return String(error ?? 'the browser gave no reason');
}
