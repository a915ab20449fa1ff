/** What happened to the rows, for the summary on standard error. */
export class Summary {
	rows = 0;
	measured = 0;
	/** Rows kept without results, with why (only the first ones are listed). */
	skipped: { row: number; id: string | null; reason: string }[] = [];
	skippedCount = 0;
	/** Records that could not be read at all (malformed CSV): not written, listed with their line. */
	rejected: { row: number; line: number; reason: string }[] = [];
	rejectedCount = 0;
	static readonly LISTED = 20;

	measuredRow() {
		this.rows++;
		this.measured++;
	}

	measuredRows(count: number) {
		this.rows += count;
		this.measured += count;
	}

	skippedRow(row: number, id: string | null, reason: string) {
		this.rows++;
		this.skippedCount++;
		if (this.skipped.length < Summary.LISTED) this.skipped.push({ row, id, reason });
	}

	rejectedRow(row: number, line: number, reason: string) {
		this.rows++;
		this.rejectedCount++;
		if (this.rejected.length < Summary.LISTED) this.rejected.push({ row, line, reason });
	}

	/** Rows in the output: every row but the rejected ones. */
	get written(): number {
		return this.measured + this.skippedCount;
	}

	report(label: string, seconds: number): string {
		const n = (count: number) => count.toLocaleString('en');
		const lines = [
			`analyze: ${label}`,
			`  ${n(this.rows)} rows: ${n(this.measured)} measured, ` +
				`${n(this.skippedCount)} kept without results (no valid position)` +
				(this.rejectedCount > 0
					? `, ${n(this.rejectedCount)} rejected (unreadable CSV, not written)`
					: '')
		];
		for (const { row, id, reason } of this.skipped) {
			lines.push(`    ${id ? `row ${row} (${id})` : `row ${row}`}: ${reason}`);
		}
		if (this.skippedCount > this.skipped.length) {
			lines.push(`    … and ${n(this.skippedCount - this.skipped.length)} more`);
		}
		if (this.rejectedCount > 0) lines.push('  rejected:');
		for (const { row, line, reason } of this.rejected) {
			lines.push(`    row ${row} (line ${line}): ${reason}`);
		}
		if (this.rejectedCount > this.rejected.length) {
			lines.push(`    … and ${n(this.rejectedCount - this.rejected.length)} more rejected`);
		}
		const rate = seconds > 0 ? ` (${n(Math.round(this.rows / seconds))} rows/s)` : '';
		const peak = Math.round(process.resourceUsage().maxRSS / 1024);
		lines.push(`  ${seconds.toFixed(2)} s${rate}, peak memory ${peak} MB`);
		return lines.join('\n');
	}
}
