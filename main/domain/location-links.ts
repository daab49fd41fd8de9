import type { LocationLink, MessageLocation } from '../contract/model';

/**
 * The https link "Open in maps" opens for a location, in the maps site the owner chose; null when there
 * is none (a 'place' link the location does not have, or one that is not https). Built here from the
 * stored coordinates, never taken from the renderer. Pure.
 */
export function locationUrl(location: MessageLocation, link: LocationLink): string | null {
  const lat = location.latitude.toFixed(6);
  const lon = location.longitude.toFixed(6);
  const label = location.name ?? location.address ?? '';
  switch (link) {
    case 'openstreetmap':
      return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
    case 'google-maps':
      return `https://www.google.com/maps/search/?api=1&query=${lat}%2C${lon}`;
    case 'apple-maps':
      return `https://maps.apple.com/?ll=${lat},${lon}${label === '' ? '' : `&q=${encodeURIComponent(label)}`}`;
    case 'place':
      return httpsOnly(location.url);
  }
}

function httpsOnly(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}
