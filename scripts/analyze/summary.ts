/** What happened to the rows, for the summary on standard error. */
export class Summary {
	rows = 0;
	measured = 0;
	/** Rows kept without results, with why (only the first ones are listed). */
	skipped: { row: number; id: string | null; reason: string }[] = [];
	skippedCount = 0;
	static readonly LISTED = 20;

	measuredRow() {
		this.rows++;
		this.measured++;
	}

	skippedRow(row: number, id: string | null, reason: string) {
		this.rows++;
		this.skippedCount++;
		if (this.skipped.length < Summary.LISTED) this.skipped.push({ row, id, reason });
	}

	report(label: string, seconds: number): string {
		const lines = [
			`analyze: ${label}`,
			`  ${this.rows.toLocaleString('en')} rows: ${this.measured.toLocaleString('en')} measured, ` +
				`${this.skippedCount.toLocaleString('en')} kept without results (no valid position)`
		];
		for (const { row, id, reason } of this.skipped) {
			lines.push(`    ${id ? `row ${row} (${id})` : `row ${row}`}: ${reason}`);
		}
		if (this.skippedCount > this.skipped.length) {
			lines.push(
				`    … and ${(this.skippedCount - this.skipped.length).toLocaleString('en')} more`
			);
		}
		const rate =
			seconds > 0 ? ` (${Math.round(this.rows / seconds).toLocaleString('en')} rows/s)` : '';
		const peak = Math.round(process.resourceUsage().maxRSS / 1024);
		lines.push(`  ${seconds.toFixed(2)} s${rate}, peak memory ${peak} MB`);
		return lines.join('\n');
	}
}
