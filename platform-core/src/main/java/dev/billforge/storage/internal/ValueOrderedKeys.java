package dev.billforge.storage.internal;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Key type of the embedded server's unique indexes ({@code _id} above all). H2 compares
 * keys that are not {@link Comparable} — mongo-java-server's {@link KeyValue} is not — by
 * Java-serialising both on every comparison, which profiling showed as a quarter of the
 * CPU of a ledger write. This type compares them by value, in MongoDB's order. In stores
 * whose documents are BSON ({@link BsonDocuments}) keys are written as BSON too;
 * otherwise they are written and read exactly as before.
 * <p>
 * The order of a B-tree is part of its file, so a store whose indexes were built in the
 * old order keeps it: {@link #applies(MVStore)} is true only for stores created with this
 * type (they carry a marker map).
 */
final class ValueOrderedKeys extends ObjectDataType {

	static final String MARKER_MAP = "billforge.index-key-order";

	private static final String MARKER_KEY = "order";

	private static final String VALUE_ORDER = "value-v1";

	private static final ValueComparator VALUES = ValueComparator.asc();

	private static final byte TAG_BSON = 1;

	private static final byte TAG_OBJECT = 2;

	private static final byte TAG_STRING = 3;

	private static final String VALUES_FIELD = "k";

	private final boolean bson;

	/**
	 * @param bson whether keys are written as BSON (stores with BSON documents) or
	 * Java-serialised
	 */
	ValueOrderedKeys(boolean bson) {
		this.bson = bson;
	}

	@Override
	public void write(WriteBuffer buffer, Object key) {
		if (!bson) {
			super.write(buffer, key);
			return;
		}
		if (key instanceof KeyValue values && values.size() == 1 && values.get(0) instanceof String text) {
			// The common key (a string _id) without BSON's framing.
			buffer.put(TAG_STRING).putVarInt(text.length()).putStringData(text, text.length());
			return;
		}
		if (!(key instanceof KeyValue values
				&& BsonDocuments.writeTagged(buffer, TAG_BSON, new Document(VALUES_FIELD, values.stream().toList())))) {
			buffer.put(TAG_OBJECT);
			super.write(buffer, key);
		}
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (!bson) {
			return super.read(buffer);
		}
		byte tag = buffer.get();
		if (tag == TAG_OBJECT) {
			return super.read(buffer);
		}
		if (tag == TAG_STRING) {
			return new KeyValue(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
		}
		if (tag != TAG_BSON) {
			throw new IllegalStateException("unknown index key tag " + tag + " in the embedded store");
		}
		return new KeyValue((List<?>) BsonDocuments.readTagged(buffer).get(VALUES_FIELD));
	}

	@Override
	public int getMemory(Object key) {
		// Upstream estimates any serialised object at ~10 KB, which shrinks the page
		// cache to a few hundred keys.
		return key instanceof KeyValue values ? 32 + BsonDocuments.estimate(values.stream().toList())
				: super.getMemory(key);
	}

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
	 * Whether indexes of this store use the value order: yes for a new store (which gets
	 * the marker now) and for one created with it; no for a store that already has data
	 * without the marker.
	 */
	static boolean applies(MVStore store) {
		return StoreMarkers.applies(store, MARKER_MAP, MARKER_KEY, VALUE_ORDER);
	}

}
