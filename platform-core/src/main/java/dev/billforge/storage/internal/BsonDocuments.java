package dev.billforge.storage.internal;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Value type of the embedded server's collections: documents stored as BSON. Upstream
 * stores them with Java serialisation (a fresh {@code ObjectOutputStream}, class
 * descriptors included, per document), which profiling showed as a third of the CPU of a
 * ledger write, and estimates every document at H2's default of ~10 KB, so the page cache
 * held a few hundred documents and reads deserialised pages again and again. A document
 * BSON cannot express falls back to Java serialisation, tagged.
 * <p>
 * The format of a value is part of the file, so only stores created with this type use
 * it: see {@link #applies(MVStore)}.
 */
final class BsonDocuments extends BasicDataType<Document> {

	static final String MARKER_MAP = "billforge.document-format";

	private static final String MARKER_KEY = "format";

	private static final String BSON = "bson-v1";

	private static final byte TAG_BSON = 1;

	private static final byte TAG_SERIALIZED = 2;

	private final ObjectDataType fallback = new ObjectDataType();

	@Override
	public void write(WriteBuffer buffer, Document document) {
		if (!writeTagged(buffer, TAG_BSON, document)) {
			buffer.put(TAG_SERIALIZED);
			fallback.write(buffer, document);
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		byte tag = buffer.get();
		if (tag == TAG_SERIALIZED) {
			return (Document) fallback.read(buffer);
		}
		if (tag != TAG_BSON) {
			throw new IllegalStateException("unknown document tag " + tag + " in the embedded store");
		}
		return readTagged(buffer);
	}

	/**
	 * Writes {@code tag}, the BSON's length and the BSON; false (nothing written) when
	 * BSON cannot express it.
	 */
	static boolean writeTagged(WriteBuffer buffer, byte tag, Map<String, ?> document) {
		byte[] bson = encode(document);
		if (bson == null) {
			return false;
		}
		buffer.put(tag).putVarInt(bson.length).put(bson);
		return true;
	}

	/** Reads what {@link #writeTagged} wrote, after its tag. */
	static Document readTagged(ByteBuffer buffer) {
		int length = DataUtils.readVarInt(buffer);
		ByteBuffer bson = buffer.slice(buffer.position(), length);
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}

	/** BSON bytes of the document, or null when it holds a value BSON cannot express. */
	private static byte[] encode(Map<String, ?> document) {
		ByteBuf out = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, out);
			byte[] bytes = new byte[out.readableBytes()];
			out.readBytes(bytes);
			return bytes;
		}
		catch (RuntimeException ex) {
			return null;
		}
		finally {
			out.release();
		}
	}

	@Override
	public int getMemory(Document document) {
		return estimate(document);
	}

	/**
	 * Rough heap size of a document as held in a page, for H2's cache and write-buffer
	 * accounting.
	 */
	static int estimate(Object value) {
		if (value instanceof Map<?, ?> map) {
			int size = 48;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 40;
			for (Object element : values) {
				size += 8 + estimate(element);
			}
			return size;
		}
		if (value instanceof CharSequence text) {
			return 48 + text.length();
		}
		if (value instanceof byte[] bytes) {
			return 16 + bytes.length;
		}
		return 24;
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

	/**
	 * Whether documents of this store are BSON: yes for a new store (which gets the
	 * marker now) and for one created with it; no for a store that already has data
	 * without the marker.
	 */
	static boolean applies(MVStore store) {
		return StoreMarkers.applies(store, MARKER_MAP, MARKER_KEY, BSON);
	}

}
