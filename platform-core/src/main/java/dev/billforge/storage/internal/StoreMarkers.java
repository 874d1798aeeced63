package dev.billforge.storage.internal;

import org.h2.mvstore.MVStore;

/**
 * Formats of the embedded store that a file keeps for life. Each is recorded in a marker
 * map when a store is created; a store that already holds data without the marker was
 * created before the format existed and keeps the old one.
 */
final class StoreMarkers {

	private static final String PREFIX = "billforge.";

	private StoreMarkers() {
	}

	static boolean applies(MVStore store, String markerMap, String key, String format) {
		if (store.hasMap(markerMap)) {
			return format.equals(store.<String, String>openMap(markerMap).get(key));
		}
		boolean hasData = store.getMapNames().stream().anyMatch(name -> !name.startsWith(PREFIX));
		if (hasData) {
			return false;
		}
		store.<String, String>openMap(markerMap).put(key, format);
		return true;
	}

}
