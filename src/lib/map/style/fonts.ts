import type { FontFacesSpecification } from 'maplibre-gl';
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExtBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import latinItalic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latinExtItalic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import arabicRegular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabicBold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import { absoluteUrl } from '../geodata-urls';
import type { Theme } from './theme';

/**
 * Self-hosted fonts for map labels through the style's `font-faces` (MapLibre ≥ 6.7): Latin,
 * Latin Extended (Natural Earth names such as "Nevşehir") and Arabic, which MapLibre ≥ 6.9
 * shapes itself. The woff2 files ship with the app; nothing is fetched from elsewhere.
 * Ranges follow the fontsource subsets the files were cut to.
 */
const LATIN = [
	'U+0000-00FF',
	'U+0131',
	'U+0152-0153',
	'U+02BB-02BC',
	'U+02C6',
	'U+02DA',
	'U+02DC',
	'U+2000-206F',
	'U+20AC',
	'U+2122',
	'U+2191',
	'U+2193',
	'U+2212',
	'U+2215',
	'U+FEFF',
	'U+FFFD'
];
const LATIN_EXT = [
	'U+0100-02BA',
	'U+02BD-02C5',
	'U+02C7-02CC',
	'U+02CE-02D7',
	'U+02DD-02FF',
	'U+1E00-1E9F',
	'U+1EF2-1EFF',
	'U+2C60-2C7F',
	'U+A720-A7FF'
];
const ARABIC = ['U+0600-06FF', 'U+0750-077F', 'U+0870-08FF', 'U+FB50-FDFF', 'U+FE70-FEFF'];

export function fontFaces(theme: Theme, base: string): FontFacesSpecification {
	const faces = (latin: string, latinExt: string, arabic: string) => [
		{ url: absoluteUrl(latin, base), 'unicode-range': LATIN },
		{ url: absoluteUrl(latinExt, base), 'unicode-range': LATIN_EXT },
		{ url: absoluteUrl(arabic, base), 'unicode-range': ARABIC }
	];
	return {
		[theme.font.regular]: faces(latinRegular, latinExtRegular, arabicRegular),
		[theme.font.bold]: faces(latinBold, latinExtBold, arabicBold),
		[theme.font.italic]: faces(latinItalic, latinExtItalic, arabicRegular)
	};
}
