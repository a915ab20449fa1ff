/** Which incident the panel shows, and the group the user can step through from it. */
export class Selection {
	id = $state<string | null>(null);
	/**
	 * Incidents the panel lists with the selected one: those a click could not separate (a
	 * cluster at the deepest zoom). Incidents sharing its exact position are listed anyway.
	 */
	group = $state.raw<string[]>([]);
	/** Ask the map to bring the selection into view (set by lists, not by map clicks). */
	reveal = $state(false);

	select(id: string, options: { group?: string[]; reveal?: boolean } = {}) {
		this.id = id;
		this.group = options.group ?? (this.group.includes(id) ? this.group : []);
		this.reveal = options.reveal ?? false;
	}

	clear() {
		this.id = null;
		this.group = [];
		this.reveal = false;
	}
}
