package dev.billforge.storage.internal;

import java.util.Iterator;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * Key type of the embedded server's unique indexes ({@code _id} above all). H2 compares keys that are
 * not {@link Comparable} — mongo-java-server's {@link KeyValue} is not — by Java-serialising both on
 * every comparison, which profiling showed as a quarter of the CPU of a ledger write. This type
 * compares them by value, in MongoDB's order; keys are written and read exactly as before.
 * <p>
 * The order of a B-tree is part of its file, so a store whose indexes were built in the old order
 * keeps it: {@link #applies(MVStore)} is true only for stores created with this type (they carry a
 * marker map).
 */
final class ValueOrderedKeys extends ObjectDataType {

	static final String MARKER_MAP = "billforge.index-key-order";

	private static final String MARKER_KEY = "order";

	private static final String VALUE_ORDER = "value-v1";

	private static final ValueComparator VALUES = ValueComparator.asc();

	@Override
	public int compare(Object a, Object b) {
		if (a instanceof KeyValue left && b instanceof KeyValue right) {
			Iterator<Object> l = left.iterator();
			Iterator<Object> r = right.iterator();
			while (l.hasNext() && r.hasNext()) {
				int result = VALUES.compare(l.next(), r.next());
				if (result != 0) {
					return result;
				}
			}
			return Integer.compare(left.size(), right.size());
		}
		return super.compare(a, b);
	}

	/**
	 * Whether indexes of this store use the value order: yes for a new store (which gets the marker
	 * now) and for one created with it; no for a store that already has data without the marker.
	 */
	static boolean applies(MVStore store) {
		if (store.hasMap(MARKER_MAP)) {
			return VALUE_ORDER.equals(store.<String, String>openMap(MARKER_MAP).get(MARKER_KEY));
		}
		boolean hasData = store.getMapNames().stream().anyMatch(name -> !name.startsWith("billforge."));
		if (hasData) {
			return false;
		}
		store.<String, String>openMap(MARKER_MAP).put(MARKER_KEY, VALUE_ORDER);
		return true;
	}

}
